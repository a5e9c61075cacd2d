import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCapture, writeIn } from './cli-harness';

let dir: string;
const cli = (...argv: string[]) => runCliCapture(argv);
const write = (rel: string, text: string) => writeIn(dir, rel, text);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zcn-cli-citations-'));
  write('Literature/weiChainofThought2022.md', '---\ncitekey: weiChainofThought2022\n---\n# Chain-of-thought prompting\n');
  write('Drafts/Survey draft.md', 'CoT [@weiChainofThought2022, p. 3] helps [see @weiChainofThought2022; @missing2020].\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli citations', () => {
  it('writes "Cited in", reports unknown keys as JSON, and a second run writes nothing', async () => {
    const first = await cli('citations', '--vault', dir, '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({
      updated: ['Literature/weiChainofThought2022.md'],
      citations: 3,
      unknownKeys: ['missing2020'],
      failed: [],
      dryRun: false,
    });
    expect(readFileSync(join(dir, 'Literature/weiChainofThought2022.md'), 'utf8')).toBe(
      '---\ncitekey: weiChainofThought2022\n---\n# Chain-of-thought prompting\n\n' +
        '%% zcn:begin cited-in %%\n## Cited in (1)\n\n- [[Survey draft]] · 2 citations\n%% zcn:end cited-in %%\n',
    );
    const second = await cli('citations', '--vault', dir, '--json');
    expect(JSON.parse(second.out).updated).toEqual([]);
  });

  it('says what it would do in a dry run, for people', async () => {
    const run = await cli('citations', '--vault', dir, '--dry-run');
    expect(run.out).toBe(
      'would update Literature/weiChainofThought2022.md\nunknown citekey @missing2020: no literature note\n3 citations; 1 "Cited in" section would change\n',
    );
    expect(readFileSync(join(dir, 'Literature/weiChainofThought2022.md'), 'utf8')).not.toContain('cited-in');
  });
});
