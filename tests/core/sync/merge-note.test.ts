import { parse } from 'yaml';
import { CREATION_ONLY_KEYS, MANAGED_KEYS } from '../../../src/core/notes/front-matter';
import { readFrontMatterValue } from '../../../src/core/text/front-matter-text';
import { hashesOfFresh, mergeNote, valueHash, type MergeOptions, type WrittenHashes } from '../../../src/core/sync/merge-note';
import { makePaper, render } from './sync-support';

const v1 = makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.' });
const v2 = makePaper('yin2024', { title: 'New title', abstract: 'New abstract.' });
const base = render(v1);
const next = render(v2);

function opts(recorded: WrittenHashes | null = hashesOfFresh(base.fresh), extra: Partial<MergeOptions> = {}): MergeOptions {
  return { recorded, managedKeys: MANAGED_KEYS, createOnlyKeys: new Set<string>(CREATION_ONLY_KEYS), ...extra };
}

function frontMatterOf(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return parse(m![1]) as Record<string, unknown>;
}

describe('mergeNote', () => {
  it('rewrites managed keys and regions and keeps user keys, comments and formatting byte for byte', () => {
    const userKeys = "# my reading list\nstatus:   'reading'   # odd spacing kept\nrating: 5\nnested:\n    deep: [1, 2]\n";
    const current = base.text
      .replace('---\ntitle:', `---\n${userKeys}title:`)
      .replace('## Notes\n', '## Notes\n\nMy own thoughts: **keep me**.\n');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(r.changed).toBe(true);
    // Exactly what changes: the title key, the aliases key, and the two regions' texts.
    const expected = current
      .replace('title: Old title', 'title: New title')
      .replace('aliases:\n  - Old title', 'aliases:\n  - New title')
      .replace('# Old title', '# New title')
      .replace('Old abstract.', 'New abstract.');
    expect(r.text).toBe(expected);
    expect(r.text.startsWith(`---\n${userKeys}title: New title\n`)).toBe(true);
    const fm = frontMatterOf(r.text);
    expect(fm.status).toBe('reading');
    expect(fm.nested).toEqual({ deep: [1, 2] });
    expect(fm.title).toBe('New title');
  });

  it('keeps a region the user edited and reports it, while updating the rest', () => {
    const current = base.text.replace('Old abstract.', 'Old abstract. My remark inside the summary.');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual(['region "summary" was edited by hand: kept']);
    expect(r.text).toContain('Old abstract. My remark inside the summary.');
    expect(r.text).not.toContain('New abstract.');
    expect(r.text).toContain('# New title');
    // The recorded hash stays the plugin's last text, so the conflict persists until resolved.
    expect(r.written.regions.summary).toBe(hashesOfFresh(base.fresh).regions.summary);
  });

  it('keeps a region the user edited without a conflict when the plugin has nothing new for it', () => {
    const tagsOnly = render(makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.', tags: ['MLLM', '综述'] }));
    const current = base.text.replace('Old abstract.', '我的总结：这篇综述覆盖了 ICL 与 CoT。');
    const r = mergeNote(current, tagsOnly.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(r.text).toContain('我的总结：这篇综述覆盖了 ICL 与 CoT。');
    expect(r.text).not.toContain('Old abstract.');
    expect(frontMatterOf(r.text).tags).toEqual(['MLLM', '综述']);
    // Still the plugin's last text: a later change of the abstract is then a real conflict.
    expect(r.written.regions.summary).toBe(hashesOfFresh(base.fresh).regions.summary);
    expect(mergeNote(r.text, next.fresh, opts(r.written)).conflicts).toEqual(['region "summary" was edited by hand: kept']);
  });

  it('keeps a managed key the user edited without a conflict while its value did not change in Zotero', () => {
    const current = base.text.replace('title: Old title', 'title: My own title');
    const sameTitle = render(makePaper('yin2024', { title: 'Old title', abstract: 'New abstract.' }));
    const r = mergeNote(current, sameTitle.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(readFrontMatterValue(r.text, 'title')).toBe('My own title');
    expect(r.text).toContain('New abstract.');
  });

  it('keeps a managed key the user edited and reports it', () => {
    const current = base.text.replace('title: Old title', 'title: My own title');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual(['front-matter key "title" was edited by hand: kept']);
    expect(readFrontMatterValue(r.text, 'title')).toBe('My own title');
    expect(readFrontMatterValue(r.text, 'aliases')).toEqual(['New title']);
  });

  it('does not count a re-serialised value (Obsidian rewriting the YAML) as an edit', () => {
    const current = base.text.replace('title: Old title', 'title: "Old title"').replace('tags:\n  - 多模态', 'tags: [多模态]');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(readFrontMatterValue(r.text, 'title')).toBe('New title');
    // Unchanged values keep the user's formatting.
    expect(r.text).toContain('tags: [多模态]\n');
  });

  it('keeps CRLF line endings everywhere, including in rewritten parts', () => {
    const current = base.text.replace(/\n/g, '\r\n') + 'Tail without newline';
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(r.text).toBe(current.replace('title: Old title', 'title: New title').replace('  - Old title', '  - New title').replace('# Old title', '# New title').replace('Old abstract.', 'New abstract.'));
    expect(r.text.endsWith('Tail without newline')).toBe(true);
  });

  it('reads front matter the way Obsidian does: trailing spaces after ---, a "..." line inside', () => {
    const current = base.text.replace(/^---\n/, '--- \n').replace('\n---\n%%', '\n---\t\n%%').replace('citekey: yin2024\n', 'citekey: yin2024\n# ...\n');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(r.text).toBe(current.replace('title: Old title', 'title: New title').replace('  - Old title', '  - New title').replace('# Old title', '# New title').replace('Old abstract.', 'New abstract.'));
    const dots = base.text.replace('citekey: yin2024\n', 'citekey: yin2024\n...\n');
    expect(mergeNote(dots, next.fresh, opts()).conflicts).toEqual(['the front matter is not valid YAML (or too unusual to edit safely): left as is']);
  });

  it('keeps a missing final line break', () => {
    const current = base.text.replace(/\n+$/, '');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.text.endsWith('## Notes')).toBe(true);
  });

  it('does not bring back a region or a key the user deleted', () => {
    const summary = /%% zcn:begin summary %%[\s\S]*?%% zcn:end summary %%\n/.exec(base.text)![0];
    const current = base.text.replace(summary, '').replace('aliases:\n  - Old title\n', '');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(r.text).not.toContain('zcn:begin summary');
    expect(r.text).not.toContain('aliases');
    expect(r.text).toContain('# New title');
  });

  it('adds a managed key it never wrote, after the managed key that precedes it', () => {
    const withDoi = render(makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.', doi: '10.1093/nsr/nwae403' }));
    const r = mergeNote(base.text, withDoi.fresh, opts());
    expect(r.text).toContain('arxiv: https://arxiv.org/abs/2306.13549\ndoi: 10.1093/nsr/nwae403\nzotero:');
    expect(r.written.keys.doi).toBe(valueHash('10.1093/nsr/nwae403'));
    expect(r.written.keys.doi).not.toBe(valueHash('10.1093/nsr/other'));
  });

  it('removes a managed key the paper no longer has, unless the user edited it', () => {
    const withDoi = render(makePaper('yin2024', { doi: '10.1/x' }));
    const rec = hashesOfFresh(withDoi.fresh);
    const gone = render(makePaper('yin2024'));
    expect(mergeNote(withDoi.text, gone.fresh, opts(rec)).text).not.toContain('doi:');
    const edited = withDoi.text.replace('doi: 10.1/x', 'doi: 10.1/mine');
    const r = mergeNote(edited, gone.fresh, opts(rec));
    expect(r.text).toContain('doi: 10.1/mine');
    expect(r.conflicts).toEqual(['front-matter key "doi" was edited by hand: kept']);
  });

  it('never rewrites the import date or the categories of an existing note', () => {
    const later = render(v2, new Date(2026, 0, 1, 8, 0, 0));
    const current = base.text.replace('  - Papers', '  - NOVA');
    const r = mergeNote(current, later.fresh, opts());
    expect(readFrontMatterValue(r.text, 'date')).toBe('2025-09-30 21:14:40');
    expect(readFrontMatterValue(r.text, 'categories')).toEqual(['NOVA']);
    expect(r.conflicts).toEqual([]);
  });

  it('leaves front matter that is not valid YAML alone, reports it, and still updates the regions', () => {
    const current = base.text.replace('citekey: yin2024', 'citekey: yin2024\nbroken: [unclosed');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual(['the front matter is not valid YAML (or too unusual to edit safely): left as is']);
    expect(r.text.slice(0, r.text.indexOf('%% zcn'))).toBe(current.slice(0, current.indexOf('%% zcn')));
    expect(r.text).toContain('# New title');
  });

  it('leaves regions with broken markers alone and reports them', () => {
    const current = base.text.replace('%% zcn:end summary %%', '');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual(['the markers of region "summary" are broken: left as is']);
    expect(r.text).toContain('Old abstract.');
    expect(r.text).toContain('# New title');
  });

  it('refills a region the user emptied (the way to take the plugin text after a conflict)', () => {
    const current = base.text.replace(/%% zcn:begin summary %%[\s\S]*?%% zcn:end summary %%/, '%% zcn:begin summary %%\n%% zcn:end summary %%');
    const r = mergeNote(current, next.fresh, opts());
    expect(r.conflicts).toEqual([]);
    expect(r.text).toContain('New abstract.');
  });

  it('counts a link the user added inside a region as a hand edit (kept; a conflict only when the plugin has new text)', () => {
    const linked = base.text.replace('Old abstract.', 'Old [[My own note|abstract]].');
    const sameAbstract = render(makePaper('yin2024', { title: 'New title', abstract: 'Old abstract.' }));
    const r1 = mergeNote(linked, sameAbstract.fresh, opts());
    expect(r1.conflicts).toEqual([]);
    expect(r1.text).toContain('Old [[My own note|abstract]].');
    expect(r1.text).toContain('# New title');
    const r2 = mergeNote(linked, next.fresh, opts());
    expect(r2.conflicts).toEqual(['region "summary" was edited by hand: kept']);
    expect(r2.text).toContain('Old [[My own note|abstract]].');
    expect(r2.text).not.toContain('New abstract.');
  });

  it('records the hash of exactly the region text it wrote, links included', () => {
    const plain = hashesOfFresh(base.fresh).regions.summary;
    const withLink = { ...base.fresh, regions: base.fresh.regions.map((r) => (r.id === 'summary' ? { ...r, content: r.content.replace('abstract', '[[Abstract|abstract]]') } : r)) };
    expect(hashesOfFresh(withLink).regions.summary).not.toBe(plain);
    const r = mergeNote(base.text, withLink, opts());
    expect(r.text).toContain('Old [[Abstract|abstract]].');
    expect(r.written.regions.summary).toBe(hashesOfFresh(withLink).regions.summary);
  });

  describe('YAML comments in managed keys', () => {
    const v1Year = makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.', year: 2023 });
    const v2Year = makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.', year: 2024 });
    const created = render(v1Year);
    const recorded = hashesOfFresh(created.fresh);

    it('keeps a comment on a key line: a conflict when the plugin has a new value, kept quietly when not', () => {
      const current = created.text.replace('year: 2023\n', 'year: 2023 # preprint year\n');
      const changed = mergeNote(current, render(v2Year).fresh, opts(recorded));
      expect(changed.conflicts).toEqual(['front-matter key "year" was edited by hand: kept']);
      expect(changed.text).toContain('year: 2023 # preprint year\n');
      expect(changed.written.keys.year).toBe(recorded.keys.year);
      const other = render(makePaper('yin2024', { title: 'New title', abstract: 'Old abstract.', year: 2023 }));
      const quiet = mergeNote(current, other.fresh, opts(recorded));
      expect(quiet.conflicts).toEqual([]);
      expect(quiet.text).toContain('year: 2023 # preprint year\n');
      expect(quiet.text).toContain('title: New title\n');
    });

    it('keeps a comment line inside a list', () => {
      const current = created.text.replace('tags:\n  - 多模态\n', 'tags:\n  - 多模态\n  # add more tags after reading\n');
      expect(current).not.toBe(created.text);
      const retagged = render(makePaper('yin2024', { title: 'Old title', abstract: 'Old abstract.', year: 2023, tags: ['综述'] }));
      const r = mergeNote(current, retagged.fresh, opts(recorded));
      expect(r.conflicts).toEqual(['front-matter key "tags" was edited by hand: kept']);
      expect(r.text).toContain('tags:\n  - 多模态\n  # add more tags after reading\n');
    });

    it('does not remove a managed key the paper lost when the user commented it', () => {
      const withDoi = render(makePaper('yin2024', { doi: '10.1/x' }));
      const current = withDoi.text.replace('doi: 10.1/x\n', 'doi: 10.1/x # checked\n');
      const r = mergeNote(current, render(makePaper('yin2024')).fresh, opts(hashesOfFresh(withDoi.fresh)));
      expect(r.conflicts).toEqual(['front-matter key "doi" was edited by hand: kept']);
      expect(r.text).toContain('doi: 10.1/x # checked\n');
    });

    it('does not take a # inside a value for a comment', () => {
      const hashTitle = render(makePaper('yin2024', { title: 'C# #1: a "quoted # title"', abstract: 'Old abstract.' }));
      const r = mergeNote(hashTitle.text, next.fresh, opts(hashesOfFresh(hashTitle.fresh)));
      expect(r.conflicts).toEqual([]);
      expect(r.text).toContain('title: New title\n');
    });
  });

  it('without a recorded state adopts only identical content and reports the rest as conflicts', () => {
    const same = mergeNote(base.text, base.fresh, opts(null));
    expect(same.changed).toBe(false);
    expect(same.conflicts).toEqual([]);
    const r = mergeNote(base.text, next.fresh, opts(null));
    expect(r.changed).toBe(false);
    expect(r.conflicts.sort()).toEqual([
      'front-matter key "aliases" was edited by hand: kept',
      'front-matter key "title" was edited by hand: kept',
      'region "header" was edited by hand: kept',
      'region "summary" was edited by hand: kept',
    ]);
  });

  it('sets and clears the removed flag without touching anything else', () => {
    const flag = { entries: [], regions: [] };
    const set = mergeNote(base.text, flag, opts(null, { managedKeys: [], removedFlag: { key: 'zotero-removed', value: '2025-10-01' } }));
    expect(set.text).toBe(base.text.replace('---\n%% zcn', 'zotero-removed: "2025-10-01"\n---\n%% zcn'));
    const cleared = mergeNote(set.text, base.fresh, opts(hashesOfFresh(base.fresh), { removedFlag: { key: 'zotero-removed', value: null } }));
    expect(cleared.text).toBe(base.text);
  });

  it('is a no-op on its own output', () => {
    const r1 = mergeNote(base.text, next.fresh, opts());
    const r2 = mergeNote(r1.text, next.fresh, opts(r1.written));
    expect(r2.changed).toBe(false);
    expect(r2.text).toBe(r1.text);
  });
});
