import { parse } from 'yaml';
import { applySync } from '../../../src/core/sync/apply-sync';
import { findFrontMatter } from '../../../src/core/text/front-matter-text';
import { findRegions } from '../../../src/core/text/managed-region';
import { planSync } from '../../../src/core/sync/plan-sync';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', '../../etc/passwd', 'a/b/c', 'C:\\Windows\\x', 'key:with:colons', 'CON', 'nul.txt', '.hidden', '..', '...', 'ä/../ü', 'LPT1', ' ', 'a|b*c?"d<e>f'];

const HOSTILE_TITLES = [
  'Title: with colon',
  '"Quoted" and \'single\' # not a comment',
  '---\nfront: matter\n---',
  '- list item?',
  '[flow, sequence]',
  '{flow: map}',
  '&anchor *alias !tag',
  'yes',
  '2024-01-01',
  '@at and `backtick` and %percent',
  'line one\nline two',
  '%% zcn:end summary %%',
];

describe('hostile input', () => {
  it('keeps every note inside the notes folder and reads citekeys and titles back exactly', async () => {
    const papers = HOSTILE_KEYS.map((key, i) => makePaper(key, { title: HOSTILE_TITLES[i % HOSTILE_TITLES.length] }));
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const plan = await planSync({ papers, vault, settings: settings(), state: null, now: new Date(2025, 0, 1), language: 'en' });
    const report = await applySync(vault, plan, store);
    expect(report.errors).toEqual([]);
    expect(report.created).toHaveLength(HOSTILE_KEYS.length);
    const files = vault.snapshot();
    const notes = Object.keys(files).filter((p) => p.endsWith('.md'));
    expect(notes).toHaveLength(HOSTILE_KEYS.length);
    for (const path of notes) {
      expect(path.startsWith('Literature/')).toBe(true);
      expect(path.slice('Literature/'.length)).not.toContain('/');
    }
    for (const [i, paper] of papers.entries()) {
      const path = report.created[i];
      const text = files[path];
      const span = findFrontMatter(text)!;
      const fm = parse(text.slice(span.yamlStart, span.yamlEnd)) as Record<string, unknown>;
      expect(fm.citekey).toBe(paper.citekey);
      expect(fm.title).toBe(paper.title);
      expect(fm.aliases).toEqual([paper.title]);
    }
    // And the next sync finds every one of them again.
    vault.resetWrites();
    const again = await applySync(vault, await planSync({ papers, vault, settings: settings(), state: await store.load(), now: new Date(2025, 0, 2), language: 'en' }), store);
    expect(vault.writes).toEqual([]);
    expect(again.unchanged).toBe(HOSTILE_KEYS.length);
  });

  it('finds notes of hostile citekeys by front matter after the state is lost', async () => {
    const papers = HOSTILE_KEYS.map((key) => makePaper(key));
    const vault = new InMemoryVault();
    await applySync(vault, await planSync({ papers, vault, settings: settings(), state: null, now: new Date(2025, 0, 1), language: 'en' }), new MemoryStateStore());
    vault.resetWrites();
    const plan = await planSync({ papers, vault, settings: settings(), state: null, now: new Date(2025, 0, 2), language: 'en' });
    expect(plan.actions.map((a) => a.kind)).toEqual(HOSTILE_KEYS.map(() => 'unchanged'));
  });

  it('keeps a title that looks like a region marker from breaking the regions', async () => {
    const paper = makePaper('marker', { title: '%% zcn:end header %%', abstract: '%% zcn:begin summary %%' });
    const vault = new InMemoryVault();
    const store = new MemoryStateStore();
    const report = await applySync(vault, await planSync({ papers: [paper], vault, settings: settings(), state: null, now: new Date(2025, 0, 1), language: 'en' }), store);
    expect(report.created).toEqual(['Literature/marker.md']);
    const text = (await vault.read('Literature/marker.md'))!;
    const { regions, broken } = findRegions(text, findFrontMatter(text)!.bodyStart);
    expect(broken).toEqual([]);
    expect(regions.map((r) => r.id)).toEqual(['header', 'summary']);
    const next = await planSync({ papers: [makePaper('marker', { title: 'Fixed' })], vault, settings: settings(), state: await store.load(), now: new Date(2025, 0, 2), language: 'en' });
    expect(next.actions.map((a) => [a.kind, a.reasons])).toEqual([['update', []]]);
  });
});
