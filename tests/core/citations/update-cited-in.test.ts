/** "Cited in" stays right as citing notes are written, edited, renamed and deleted; an unchanged vault writes nothing. */
import { createCitationState, type CitationState } from '../../../src/core/citations/citation-state';
import { updateCitedIn, type CitedInOptions } from '../../../src/core/citations/update-cited-in';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';

const lit = (key: string, body = '') => `---\ncitekey: ${key}\ntitle: Paper ${key}\n---\n# Paper ${key}\n${body}`;

const vaultWith = (files: Record<string, string>) => new InMemoryVault(files);

async function section(vault: InMemoryVault, path: string): Promise<string | null> {
  const text = (await vault.read(path)) ?? '';
  const m = /%% zcn:begin cited-in %%\n([\s\S]*?)%% zcn:end cited-in %%/.exec(text);
  return m ? m[1] : null;
}

const base: CitedInOptions = { notesFolder: 'Literature', language: 'en' };

describe('Cited in', () => {
  it('lists the citing notes with their counts, in the cited paper\'s note only', async () => {
    const vault = vaultWith({
      'Literature/wei2022.md': lit('wei2022'),
      'Literature/brown2020.md': lit('brown2020', 'Builds on [@wei2022].\n'),
      'Literature/other.md': lit('other'),
      'Drafts/Survey.md': 'CoT [@wei2022, p. 3] and again [see @wei2022; @brown2020].\n',
      'Ideas.md': 'As [[@wei2022]] shows. Mail me: me@wei2022.org\n',
    });
    const result = await updateCitedIn(vault, base);
    expect(result).toEqual({ updated: ['Literature/brown2020.md', 'Literature/wei2022.md'], citations: 5, unknownKeys: [], failed: [], skipped: [] });
    expect(await section(vault, 'Literature/wei2022.md')).toBe(
      '## Cited in (3)\n\n- [[brown2020]]\n- [[Ideas]]\n- [[Survey]] · 2 citations\n',
    );
    expect(await section(vault, 'Literature/brown2020.md')).toBe('## Cited in (1)\n\n- [[Survey]]\n');
    expect(await section(vault, 'Literature/other.md')).toBeNull();
    // The user's text around the section is untouched.
    expect((await vault.read('Literature/brown2020.md'))!.startsWith(lit('brown2020', 'Builds on [@wei2022].\n'))).toBe(true);
  });

  it('writes nothing on a second run over an unchanged vault', async () => {
    const vault = vaultWith({ 'Literature/a.md': lit('a'), 'Note.md': '[@a]\n' });
    await updateCitedIn(vault, base);
    vault.writes.length = 0;
    const again = await updateCitedIn(vault, base);
    expect(again.updated).toEqual([]);
    expect(vault.writes).toEqual([]);
    expect(await vault.read('Literature/a.md')).toBe(`${lit('a')}\n%% zcn:begin cited-in %%\n## Cited in (1)\n\n- [[Note]]\n%% zcn:end cited-in %%\n`);
  });

  it('follows edits, renames and deletions of citing notes incrementally', async () => {
    const vault = vaultWith({ 'Literature/a.md': lit('a'), 'Literature/b.md': lit('b'), 'One.md': '[@a]\n', 'Two.md': 'nothing\n' });
    const state: CitationState = createCitationState();
    await updateCitedIn(vault, { ...base, state });

    await vault.write('Two.md', 'now [@a; @b]\n');
    expect((await updateCitedIn(vault, { ...base, state, changedPaths: ['Two.md'] })).updated).toEqual(['Literature/a.md', 'Literature/b.md']);
    expect(await section(vault, 'Literature/a.md')).toBe('## Cited in (2)\n\n- [[One]]\n- [[Two]]\n');

    await vault.write('Renamed.md', (await vault.read('One.md'))!); // a rename: the old path goes, the new one appears
    vault.removeAsUser('One.md');
    await updateCitedIn(vault, { ...base, state, changedPaths: ['One.md', 'Renamed.md'] });
    expect(await section(vault, 'Literature/a.md')).toBe('## Cited in (2)\n\n- [[Renamed]]\n- [[Two]]\n');

    vault.removeAsUser('Two.md');
    const gone = await updateCitedIn(vault, { ...base, state, changedPaths: ['Two.md'] });
    expect(gone.updated).toEqual(['Literature/a.md', 'Literature/b.md']);
    expect(await section(vault, 'Literature/b.md')).toBe('## Cited in (0)\n\n*No note cites this paper any more.*\n');

    // The incremental state gives what a full run gives.
    const fresh = vaultWith(Object.fromEntries(await Promise.all((await vault.list('')).map(async (p) => [p, (await vault.read(p))!] as const))));
    expect((await updateCitedIn(fresh, base)).updated).toEqual([]);
  });

  it('reports cited keys that have no note and are not in the library, and never makes notes for them', async () => {
    const vault = vaultWith({ 'Literature/a.md': lit('a'), 'Draft.md': '[@a] [@ghost2021] [[@inlib]] @someone said\n' });
    const result = await updateCitedIn(vault, { ...base, libraryKeys: new Set(['a', 'inlib']) });
    expect(result.unknownKeys).toEqual(['ghost2021']);
    expect(await vault.list('Literature')).toEqual(['Literature/a.md']);
  });

  it('gives the section in the notes\' language and leaves hidden folders alone', async () => {
    const vault = vaultWith({ 'Literature/a.md': lit('a'), '.obsidian/snippets/x.md': '[@a]\n', '笔记.md': '见 [@a]。\n' });
    await updateCitedIn(vault, { ...base, language: 'zh' });
    expect(await section(vault, 'Literature/a.md')).toBe('## 引用本文的笔记 (1)\n\n- [[笔记]]\n');
  });
});

describe('Cited in while the user types', () => {
  it('leaves a literature note being edited for a later run, says so, and reports its progress', async () => {
    const vault = vaultWith({ 'Literature/a.md': lit('a'), 'Draft.md': 'See [@a].\n' });
    const progress: [number, number][] = [];
    const state = createCitationState();
    const first = await updateCitedIn(vault, { ...base, state, skipPaths: ['Literature/a.md'], onProgress: (done, total) => progress.push([done, total]) });
    expect(first).toMatchObject({ updated: [], skipped: ['Literature/a.md'], citations: 1 });
    expect(await vault.read('Literature/a.md')).toBe(lit('a'));
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
      [2, 3],
      [3, 3],
    ]);

    // The user moved on: the next run, given the note again, writes its section.
    const later = await updateCitedIn(vault, { ...base, state, changedPaths: ['Literature/a.md'] });
    expect(later).toMatchObject({ updated: ['Literature/a.md'], skipped: [] });
    expect(await section(vault, 'Literature/a.md')).toBe('## Cited in (1)\n\n- [[Draft]]\n');
  });
});
