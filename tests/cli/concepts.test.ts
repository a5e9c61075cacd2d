import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCapture, writeIn } from './cli-harness';
import { GLOSSARY } from '../../src/core/concepts/glossary-data';

let dir: string;

const cli = (...argv: string[]) => runCliCapture(argv);

const write = (rel: string, text: string) => writeIn(dir, rel, text);

function read(rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

/** Every file under the vault with its modification time, to prove that nothing was written. */
function tree(rel = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(join(dir, rel))) {
    const p = rel ? `${rel}/${name}` : name;
    const s = statSync(join(dir, p));
    if (s.isDirectory()) Object.assign(out, tree(p));
    else out[p] = s.mtimeMs;
  }
  return out;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-concepts-'));
  write('Literature/survey.md', '---\ntitle: 多模态综述\n---\n因为ICL可以通过少量的样本学习；多模态思维链与 RLHF-based tuning. ICLR is a venue.\n');
  write('Reading/r.md', 'Notes on CoT; see https://example.org/ICL\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli concepts', () => {
  it('creates the glossary, links the notes and prints the JSON report; a second run changes nothing', async () => {
    const first = await cli('concepts', '--vault', dir, '--glossary', '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out);
    expect(report.created).toHaveLength(GLOSSARY.length);
    expect(report.conflicts).toEqual([]);
    expect(report.links['Literature/survey.md']).toEqual(['ICL', 'M-CoT', 'RLHF']);
    expect(report.updated).toContain('Literature/survey.md');
    expect(report.updated).toContain('Concepts/ICL.md');
    expect(read('Literature/survey.md')).toBe(
      '---\ntitle: 多模态综述\n---\n因为[[ICL]]可以通过少量的样本学习；[[M-CoT|多模态思维链]]与 [[RLHF]]-based tuning. ICLR is a venue.\n',
    );
    expect(read('Reading/r.md')).toBe('Notes on CoT; see https://example.org/ICL\n');
    expect(read('Concepts/ICL.md')).toContain('## Mentioned in (1)\n\n- [[survey|多模态综述]]');
    const before = tree();
    const second = await cli('concepts', '--vault', dir, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ updated: [], links: {}, conflicts: [], created: [] });
    expect(tree()).toEqual(before);
  });

  it('adds --scope folders to the scope', async () => {
    await cli('concepts', '--vault', dir, '--glossary');
    const r = await cli('concepts', '--vault', dir, '--scope', 'Reading', '--json');
    expect(JSON.parse(r.out).links).toEqual({ 'Reading/r.md': ['CoT'] });
    expect(read('Reading/r.md')).toBe('Notes on [[CoT]]; see https://example.org/ICL\n');
  });

  it('prints the planned edits on a dry run and writes nothing', async () => {
    const before = tree();
    const r = await cli('concepts', '--vault', dir, '--glossary', '--dry-run');
    expect(r.code).toBe(0);
    expect(tree()).toEqual(before);
    expect(r.out).toContain('would create Concepts/ICL.md\n');
    expect(r.out).toContain('Literature/survey.md\n  line 4: ICL ← "ICL"\n  line 4: M-CoT ← "多模态思维链"\n  line 4: RLHF ← "RLHF"\n');
    expect(r.out).toMatch(/Dry run: \d+ links would be added in \d+ notes; /);
  });

  it('reads the folders from the plugin settings and reports conflicts and broken notes', async () => {
    write('.obsidian/plugins/zotero-concept-notes/data.json', JSON.stringify({ notesFolder: 'Reading', conceptsFolder: 'Glossary' }));
    write('Glossary/Chain of thought.md', '---\naliases: [CoT]\n---\n');
    write('Glossary/CoT.md', '');
    write('Glossary/Broken.md', '---\naliases: [unclosed\n---\n');
    const r = await cli('concepts', '--vault', dir, '--json');
    const report = JSON.parse(r.out);
    expect(r.code).toBe(1);
    expect(report.conflicts).toEqual([{ term: 'CoT', concepts: ['Glossary/Chain of thought.md', 'Glossary/CoT.md'] }]);
    expect(report.problems).toEqual([{ path: 'Glossary/Broken.md', message: expect.stringContaining('not valid YAML') }]);
    expect(read('Reading/r.md')).toBe('Notes on CoT; see https://example.org/ICL\n');
    expect(read('Literature/survey.md')).toContain('因为ICL');
  });

  it('fails with exit code 2 without a vault', async () => {
    const r = await cli('concepts', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing --vault');
  });
});
