import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCapture, writeIn } from './cli-harness';

let dir: string;

const cli = (...argv: string[]) => runCliCapture(argv);

const write = (rel: string, text: string) => writeIn(dir, rel, text);

const DATA = '.obsidian/plugins/zotero-concept-notes/data.json';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-policy-'));
  for (let i = 0; i < 24; i++) write(`Literature/n${i}.md`, i < 18 ? `We pre-train, then use ICL ${i}.` : 'Nothing here.');
  write('Notes/Transformer.md', '# My Transformer notes\n');
  write(DATA, JSON.stringify({ notesFolder: 'Literature', somethingElse: 7 }));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli concepts: the concept policy', () => {
  it('reports ubiquitous concepts and adopted notes, and remembers the adoption in the plugin settings', async () => {
    const r = await cli('concepts', '--vault', dir, '--glossary', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.ubiquitous).toEqual([{ concept: 'ICL', path: 'Concepts/ICL.md', notes: 18, share: 0.75 }]);
    expect(report.adopted).toEqual([{ concept: 'Transformer', path: 'Notes/Transformer.md', matched: 'Transformer' }]);
    expect(existsSync(join(dir, 'Concepts/Transformer.md'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, DATA), 'utf8'))).toEqual({ notesFolder: 'Literature', somethingElse: 7, adoptedConcepts: ['Notes/Transformer.md'] });
    const people = await cli('concepts', '--vault', dir);
    expect(people.out).toContain('"ICL" is mentioned by 18 of 24 notes (75 %): consider "zcn-link: false" in Concepts/ICL.md\n');
  });

  it('stops suggesting a concept once it is switched off', async () => {
    await cli('concepts', '--vault', dir, '--glossary');
    write('Concepts/ICL.md', '---\nzcn-link: false\n---\n');
    const report = JSON.parse((await cli('concepts', '--vault', dir, '--json')).out);
    expect(report.ubiquitous).toEqual([]);
    expect(report.switchedOff).toEqual(['Concepts/ICL.md']);
  });

  it('writes no settings on a dry run', async () => {
    const r = await cli('concepts', '--vault', dir, '--glossary', '--dry-run');
    expect(r.out).toContain('would adopt your note Notes/Transformer.md as the concept Transformer');
    expect(JSON.parse(readFileSync(join(dir, DATA), 'utf8'))).toEqual({ notesFolder: 'Literature', somethingElse: 7 });
  });
});
