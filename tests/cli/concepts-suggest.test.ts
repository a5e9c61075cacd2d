import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCapture, writeIn } from './cli-harness';
import { SUGGEST_BIB, SUGGEST_VAULT } from '../core/concepts/suggest/fixture-vault';

let dir: string;

const cli = (...argv: string[]) => runCliCapture(argv);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-suggest-'));
  for (const [rel, text] of Object.entries(SUGGEST_VAULT)) writeIn(dir, rel, text);
  writeIn(dir, 'library.bib', SUGGEST_BIB);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli concepts suggest', () => {
  it('prints the suggestions as JSON, exactly in the documented shape', async () => {
    const r = await cli('concepts', 'suggest', '--vault', dir, '--export', join(dir, 'library.bib'), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      suggestions: [
        { term: 'GRPO', aliases: ['Group Relative Policy Optimization', '群组相对策略优化'], notes: 3, papers: 1, existing: null },
        { term: 'CoT', aliases: ['Chain-of-Thought', '思维链'], notes: 1, papers: 1, existing: 'Concepts/CoT.md' },
        { term: 'hallucination', aliases: ['幻觉'], notes: 2, papers: 0, existing: null },
      ],
    });
  });

  it('shows everything with --min-notes 1, as a table for people, and writes nothing', async () => {
    const before = readFileSync(join(dir, 'Literature/shao2024.md'), 'utf8');
    const r = await cli('concepts', 'suggest', '--vault', dir, '--min-notes', '1');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^term +notes +papers +existing +aliases$/);
    expect(lines.slice(1, 5).map((l) => l.split(/ {2,}/)[0])).toEqual(['GRPO', 'hallucination', 'CoT', 'VIT']);
    expect(r.out).toContain('4 suggestions from 4 notes (defined or used in at least 1; --min-notes 1 shows all)\n');
    expect(readFileSync(join(dir, 'Literature/shao2024.md'), 'utf8')).toBe(before);
  });

  it('refuses a bad --min-notes and an unknown word with exit 2', async () => {
    expect((await cli('concepts', 'suggest', '--vault', dir, '--min-notes', '0')).code).toBe(2);
    const r = await cli('concepts', 'suggestions', '--vault', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "concepts suggest"?');
  });
});
