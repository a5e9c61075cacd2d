/**
 * Syncing annotations: per annotation, not per section (issue 10). The papers come from our BBT JSON fixture with
 * Zotero note HTML; "Zotero" changes are changes of the paper's annotations between syncs.
 */
import type { Annotation } from '../../../src/core/library/annotation';
import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { planSync } from '../../../src/core/sync/plan-sync';
import type { SyncReport } from '../../../src/core/sync/sync-plan';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { annotatedPaper } from '../library/zotero-notes/annotation-fixture';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const NOTE = 'Literature/weiChainofthoughtPromptingElicits2022.md';

function setup() {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  let day = 1;
  const sync = async (papers: Paper[]): Promise<SyncReport> => {
    const plan = await planSync({ papers, vault, settings: settings(), state: await store.load(), now: new Date(2025, 9, day++), language: 'en' });
    return applySync(vault, plan, store);
  };
  const note = async () => (await vault.read(NOTE))!;
  const edit = async (from: string, to: string) => {
    const text = await note();
    expect(text).toContain(from);
    await vault.write(NOTE, text.replace(from, to));
  };
  return { vault, store, sync, note, edit };
}

const wei = (change: (annotations: Annotation[]) => Annotation[] = (a) => a): Paper => {
  const paper = annotatedPaper('weiChainofthoughtPromptingElicits2022');
  return { ...paper, annotations: change(paper.annotations) };
};

const newHighlight: Annotation = {
  type: 'highlight',
  text: 'Self-consistency improves chain of thought further.',
  comment: '新的高亮',
  color: '#2ea8e5',
  colorName: 'blue',
  page: '5',
  key: 'NEW4K7QA',
  attachmentKey: 'P3DHX7KQ',
  link: 'zotero://open-pdf/library/items/P3DHX7KQ?page=5&annotation=NEW4K7QA',
};

const MY_EDIT = '> Method: compare both prompts on the same exemplars. **My own thought: the exemplars are hand-written.**';

describe('annotation sync', () => {
  it('writes the annotations and Zotero notes sections, and a second sync of the same export writes nothing', async () => {
    const { vault, store, sync, note } = setup();
    expect((await sync([wei()])).created).toEqual([NOTE]);
    const text = await note();
    expect(text).toContain('%% zcn:begin annotations %%\n## Annotations\n\n> [!zotero-yellow] Yellow\n');
    expect(text).toContain('^ann-RED7U2NB\n\n> [!zotero-green] Green\n');
    expect(text).toContain('%% zcn:begin zotero-notes %%\n## Zotero notes\n\n### Why CoT works\n');
    vault.resetWrites();
    const saves = store.saves;
    expect(await sync([wei()])).toMatchObject({ created: [], updated: [], conflicts: [], unchanged: 1 });
    expect(vault.writes).toEqual([]);
    expect(store.saves).toBe(saves);
  });

  it('adds a new highlight from Zotero although the user edited another one, and keeps the edit', async () => {
    const { sync, note, edit } = setup();
    await sync([wei()]);
    await edit('> Method: compare both prompts on the same exemplars.', MY_EDIT);
    const report = await sync([wei((a) => [...a.slice(0, 3), newHighlight, ...a.slice(3)])]);
    expect(report).toMatchObject({ updated: [NOTE], conflicts: [] });
    const text = await note();
    expect(text).toContain(MY_EDIT);
    // In Zotero's order: after the edited (green) highlight, before the image.
    expect(text.indexOf('^ann-GRN5K9WD')).toBeLessThan(text.indexOf('> Self-consistency improves chain of thought further.'));
    expect(text.indexOf('^ann-NEW4K7QA')).toBeLessThan(text.indexOf('^ann-BLU3M6XZ'));
    expect(text).toContain('> [!zotero-blue] Blue\n> Self-consistency improves chain of thought further.\n>\n> 新的高亮\n');
  });

  it('updates an untouched annotation that changed in Zotero, and removes one Zotero no longer has', async () => {
    const { sync, note, edit } = setup();
    await sync([wei()]);
    await edit('> Method: compare both prompts on the same exemplars.', MY_EDIT);
    const changed = wei((a) => a.filter((x) => x.key !== 'YLW4H8TQ').map((x) => (x.key === 'RED7U2NB' ? { ...x, comment: 'Updated in Zotero.' } : x)));
    expect((await sync([changed])).conflicts).toEqual([]);
    const text = await note();
    expect(text).not.toContain('^ann-YLW4H8TQ');
    expect(text).toContain('> Updated in Zotero.\n');
    expect(text).toContain(MY_EDIT);
  });

  it('reports a conflict only when the same annotation changed on both sides, and keeps the user’s text', async () => {
    const { sync, note, edit } = setup();
    await sync([wei()]);
    await edit('> Method: compare both prompts on the same exemplars.', MY_EDIT);
    const both = wei((a) => a.map((x) => (x.key === 'GRN5K9WD' ? { ...x, comment: 'Changed in Zotero too.' } : x)));
    const report = await sync([both]);
    expect(report.conflicts).toEqual([NOTE]);
    expect(report.conflictDetails[0].reasons).toEqual(['annotation GRN5K9WD was edited here and changed in Zotero: kept']);
    expect(await note()).toContain(MY_EDIT);
    expect(await note()).not.toContain('Changed in Zotero too.');
    // Removed in Zotero while edited here: also kept and reported.
    const removed = await sync([wei((a) => a.filter((x) => x.key !== 'GRN5K9WD'))]);
    expect(removed.conflictDetails[0].reasons).toEqual(['annotation GRN5K9WD was removed in Zotero but edited here: kept']);
    expect(await note()).toContain(MY_EDIT);
  });

  it('keeps an annotation the user deleted deleted', async () => {
    const { sync, note, vault } = setup();
    await sync([wei()]);
    const text = await note();
    const start = text.indexOf('\n\n> [!zotero-magenta]');
    const end = text.indexOf('^ann-MAG2P7LC') + '^ann-MAG2P7LC'.length;
    await vault.write(NOTE, text.slice(0, start) + text.slice(end));
    const report = await sync([wei((a) => [...a, newHighlight])]);
    expect(report.conflicts).toEqual([]);
    expect(await note()).not.toContain('MAG2P7LC');
    expect(await note()).toContain('^ann-NEW4K7QA');
  });

  it('adds the sections to a note made before the paper had annotations, right after the summary', async () => {
    const { sync, note, edit } = setup();
    const plain = { ...makePaper('weiChainofthoughtPromptingElicits2022'), title: wei().title };
    await sync([plain]);
    await edit('## Notes\n', '## Notes\n\nMy own notes.\n');
    const report = await sync([{ ...wei(), abstract: plain.abstract }]);
    expect(report).toMatchObject({ updated: [NOTE], conflicts: [] });
    const text = await note();
    expect(text).toMatch(/%% zcn:end summary %%\n\n%% zcn:begin annotations %%\n## Annotations\n[\s\S]*%% zcn:end annotations %%\n\n%% zcn:begin zotero-notes %%\n[\s\S]*%% zcn:end zotero-notes %%\n\n## Notes\n\nMy own notes.\n\n$/);
    // And takes them out again, untouched, when Zotero has nothing any more; the user's notes stay.
    await sync([plain]);
    expect(await note()).toMatch(/%% zcn:end summary %%\n\n## Notes\n\nMy own notes.\n\n$/);
  });

  it('does not bring back a section the user deleted', async () => {
    const { sync, note, vault } = setup();
    await sync([wei()]);
    const text = await note();
    await vault.write(NOTE, text.replace(/\n\n%% zcn:begin zotero-notes %%[\s\S]*?%% zcn:end zotero-notes %%/, ''));
    const paper = wei();
    paper.notes = [...paper.notes, 'A second note.'];
    expect((await sync([paper])).conflicts).toEqual([]);
    expect(await note()).not.toContain('zotero-notes');
  });

  it('keeps an edited annotation when Zotero no longer has any, and removes the rest', async () => {
    const { sync, note, edit } = setup();
    await sync([wei()]);
    await edit('> Method: compare both prompts on the same exemplars.', MY_EDIT);
    const report = await sync([wei(() => [])]);
    expect(report.conflictDetails[0].reasons).toEqual(['annotation GRN5K9WD was removed in Zotero but edited here: kept']);
    const text = await note();
    expect(text).toContain(MY_EDIT);
    expect(text).not.toContain('^ann-YLW4H8TQ');
    expect(text).not.toContain('## Annotations'); // the heading was untouched: it goes with the others
  });
});
