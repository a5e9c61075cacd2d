/** Concepts grown from the user's library in the plugin: the suggestion modal, adopted notes, ubiquitous concepts. */
import { allNoticeMessages, ButtonComponent, noticeMessages, openedModals, settingsIn, ToggleComponent, type Modal, type Setting } from '../../__mocks__/obsidian';
import { EXAMPLE_LIBRARY, flush, startedWith, usePluginTestEnvironment } from '../plugin-harness';

const EXPORT = 'Zotero/library.bib';
const NOTES = {
  'Concepts/ICL.md': '---\naliases: [in-context learning]\n---\n\nLearning from examples in the prompt.\n',
  'Reading/deepseek.md': 'DeepSeek trains with Group Relative Policy Optimization (GRPO), a cheaper PPO, and prompts with in-context learning (ICL).\n',
  'Reading/r1.md': 'R1 uses GRPO as well; 思维链（Chain-of-Thought，CoT）helps, as does in-context learning (ICL).\n',
  'Reading/experts.md': 'A mixture of experts (MoE) routes tokens.\n',
};

usePluginTestEnvironment();

const started = (settings: Record<string, unknown> = {}, files: Record<string, string> = NOTES) =>
  startedWith({ [EXPORT]: EXAMPLE_LIBRARY, ...files }, { conceptScopeFolders: ['Reading'], ...settings });

type Made = Awaited<ReturnType<typeof started>>;

/** Run the command; the modal once its suggestions are shown. */
async function openSuggestions(made: Made) {
  made.plugin.mock.command('suggest-concepts-from-library')!.callback!();
  const modal = openedModals().at(-1) as Modal;
  expect(modal.contentEl.textContent).toBe('Looking for terms your notes and papers define…');
  await flush();
  const rows = () => settingsIn(modal.contentEl);
  const row = (name: string): Setting => rows().find((s) => s.name === name) ?? fail(`no row ${name}`);
  const create = () => rows().at(-1)!.controls[0] as ButtonComponent;
  return { modal, rows, row, create };
}

function fail(message: string): never {
  throw new Error(message);
}

describe('"Suggest concepts from library"', () => {
  it('lists the terms the notes and papers define, with their counts, marking those that have a note', async () => {
    const made = await started();
    const { modal, rows, row, create } = await openSuggestions(made);
    expect(modal.titleEl.textContent).toBe('Suggest concepts from library');
    expect(modal.contentEl.children[0].textContent).toBe(
      '3 terms defined in 3 notes and 15 papers. Tick those that should become concept notes; their long forms become aliases.',
    );
    expect(row('GRPO').desc).toBe('Group Relative Policy Optimization · 2 notes');
    expect(row('CoT').desc).toBe('Chain-of-Thought; 思维链 · 1 note, 1 paper');
    expect(row('ICL').desc).toBe('in-context learning · 2 notes · already a concept: Concepts/ICL.md');
    expect(row('ICL').control(ToggleComponent).disabled).toBe(true);
    expect(rows().some((s) => s.name === 'MoE')).toBe(false); // used once: hidden until asked for
    expect(create().text).toBe('Create concept notes');
    expect(create().disabled).toBe(true);

    await row('Show terms used once').control(ToggleComponent).simulateChange(true);
    expect(row('MoE').desc).toBe('mixture of experts · 1 note');
  });

  it('creates only the ticked concepts, their long forms as aliases, then links them', async () => {
    const made = await started();
    const { row, create, modal } = await openSuggestions(made);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Concepts/'))).toEqual(['Concepts/ICL.md']); // nothing made by opening
    await row('GRPO').control(ToggleComponent).simulateChange(true);
    expect(create().text).toBe('Create 1 concept note');
    await create().simulateClick();
    await flush();
    expect(modal.isOpen).toBe(false);
    expect(Object.keys(made.app.vault.snapshot()).filter((p) => p.startsWith('Concepts/')).sort()).toEqual(['Concepts/GRPO.md', 'Concepts/ICL.md']);
    expect(made.app.vault.contentOf('Concepts/GRPO.md')).toContain('aliases:\n  - Group Relative Policy Optimization\n');
    expect(made.app.vault.contentOf('Reading/r1.md')).toContain('R1 uses [[GRPO]] as well');
    expect(noticeMessages().at(-1)).toMatch(/^Created 1 concept note\.\nConcept links: \d+ links? added, \d+ notes updated\.$/);
  });

  it('adopts a note of the user\'s named like a ticked term instead of making a second one, and remembers it', async () => {
    const made = await started({}, { ...NOTES, 'Notes/GRPO.md': 'My own notes on GRPO.\n' });
    const { row, create } = await openSuggestions(made);
    await row('GRPO').control(ToggleComponent).simulateChange(true);
    await create().simulateClick();
    await flush();
    expect(made.app.vault.getFileByPath('Concepts/GRPO.md')).toBeNull();
    expect(made.app.vault.contentOf('Notes/GRPO.md')).toBe('My own notes on GRPO.\n'); // left as written
    expect(made.app.vault.contentOf('Reading/r1.md')).toContain('R1 uses [[GRPO]] as well');
    expect(made.plugin.settingsStore.settings.adoptedConcepts).toEqual(['Notes/GRPO.md']);
    expect(JSON.parse(made.app.pluginData.data.get('zotero-concept-notes')!)).toMatchObject({ adoptedConcepts: ['Notes/GRPO.md'] });
    expect(noticeMessages().at(-1)).toContain('Your note Notes/GRPO.md is now the concept GRPO (named "GRPO"; no second note made).');
  });

  it('closes without creating anything when cancelled', async () => {
    const made = await started();
    const { row, rows, modal } = await openSuggestions(made);
    await row('GRPO').control(ToggleComponent).simulateChange(true);
    made.app.vault.resetWrites();
    await (rows().at(-1)!.controls[1] as ButtonComponent).simulateClick();
    await flush();
    expect(modal.isOpen).toBe(false);
    expect(made.app.vault.writes).toEqual([]);
  });
});

describe('what concept runs say', () => {
  it('"Create concept notes from glossary" adopts the user\'s own note, says so and remembers it', async () => {
    const made = await started({}, { ...NOTES, 'Notes/Transformer.md': 'My notes on the Transformer.\n' });
    made.plugin.mock.command('create-concept-notes-from-glossary')!.checkCallback!(false);
    await flush();
    expect(made.app.vault.getFileByPath('Concepts/Transformer.md')).toBeNull();
    expect(made.plugin.settingsStore.settings.adoptedConcepts).toEqual(['Notes/Transformer.md']);
    expect(noticeMessages().at(-1)).toContain('\nYour note Notes/Transformer.md is now the concept Transformer (named "Transformer"; no second note made).\n');
  });

  const many = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`Reading/week ${i + 1}.md`, i < 18 ? `Week ${i + 1}: more in-context learning.\n` : `Week ${i + 1}.\n`]));

  it('names a concept most notes mention, suggesting "zcn-link: false", and never switches it off', async () => {
    const made = await started({ ubiquitousConceptShare: 0.6 }, { 'Concepts/ICL.md': NOTES['Concepts/ICL.md'], ...many });
    made.plugin.mock.command('rebuild-concept-links')!.callback!();
    await flush();
    expect(noticeMessages().at(-1)).toBe(
      'Concept links rebuilt: 18 links added, 19 notes updated.\nMentioned by most notes: "ICL" (18 of 24 notes, 75 %). To stop linking a concept, add "zcn-link: false" to its note.',
    );
    expect(made.app.vault.contentOf('Concepts/ICL.md')).not.toContain('zcn-link');
    expect(made.app.vault.contentOf('Reading/week 1.md')).toBe('Week 1: more [[ICL|in-context learning]].\n');
  });

  it('says so once after automatic runs too, and not again while nothing changes', async () => {
    const made = await started({ ubiquitousConceptShare: 0.6 }, { 'Concepts/ICL.md': NOTES['Concepts/ICL.md'], ...many });
    await made.app.vault.setExternal('Concepts/ICL.md', `${NOTES['Concepts/ICL.md']}More.\n`); // the concept watcher runs
    await jest.advanceTimersByTimeAsync(2500);
    expect(noticeMessages().filter((m) => m.includes('Mentioned by most notes'))).toEqual([
      'Concept links: Mentioned by most notes: "ICL" (18 of 24 notes, 75 %). To stop linking a concept, add "zcn-link: false" to its note.',
    ]);
    await made.app.vault.setExternal('Concepts/ICL.md', `${NOTES['Concepts/ICL.md']}More, again.\n`);
    await jest.advanceTimersByTimeAsync(2500);
    expect(allNoticeMessages().filter((m) => m.includes('Mentioned by most notes'))).toHaveLength(1);
    expect(made.app.vault.contentOf('Reading/week 2.md')).toBe('Week 2: more [[ICL|in-context learning]].\n');
  });
});

describe('"Suggest concepts from library" without the library', () => {
  it('suggests from the notes alone and says why', async () => {
    const made = await startedWith({ ...NOTES }, { conceptScopeFolders: ['Reading'] }); // the export file is missing
    made.plugin.mock.command('suggest-concepts-from-library')!.callback!();
    const modal = openedModals().at(-1) as Modal;
    await flush();
    expect(modal.contentEl.children.map((c) => c.textContent).slice(0, 2)).toEqual([
      '2 terms defined in 3 notes. Tick those that should become concept notes; their long forms become aliases.',
      'Only your notes were read: the library could not be loaded (Export file not found in the vault: Zotero/library.bib).',
    ]);
  });
});
