/**
 * Source files stay small (DEVELOPERS.md: about 300 lines at most): past 320 lines a file of src/ fails here, named
 * with its length, so it is split along a real seam before it grows further. Checked on files written here first,
 * so that an empty list of offenders means there are none.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { filesOverLimit, lineCount, typeScriptFilesUnder } from './source-files';

const ROOT = path.resolve(__dirname, '../..');
const LIMIT = 320;

describe('counting lines', () => {
  it('counts as an editor does: a final line break ends the last line', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('one')).toBe(1);
    expect(lineCount('one\n')).toBe(1);
    expect(lineCount('one\ntwo')).toBe(2);
    expect(lineCount('one\n\n')).toBe(2);
    expect(lineCount('one\r\ntwo\r\n')).toBe(2);
  });

  it('names every TypeScript file over the limit, in nested folders too, longest first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zcn-size-'));
    try {
      const lines = (n: number) => 'const x = 1;\n'.repeat(n);
      fs.mkdirSync(path.join(dir, 'deep/er'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'at-limit.ts'), lines(LIMIT));
      fs.writeFileSync(path.join(dir, 'one-over.ts'), lines(LIMIT + 1));
      fs.writeFileSync(path.join(dir, 'deep/er/far-over.ts'), lines(LIMIT + 80));
      fs.writeFileSync(path.join(dir, 'not-code.md'), lines(LIMIT * 2));
      expect(filesOverLimit(dir, LIMIT)).toEqual(['deep/er/far-over.ts (400 lines)', 'one-over.ts (321 lines)']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('src/', () => {
  it('is read whole', () => {
    const files = typeScriptFilesUnder(path.join(ROOT, 'src')).map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
    expect(files.length).toBeGreaterThan(200);
    expect(files).toEqual(expect.arrayContaining(['src/obsidian/main.ts', 'src/core/sync/plan-sync.ts', 'src/cli/main.ts']));
  });

  it(`has no file over ${LIMIT} lines`, () => {
    expect(filesOverLimit(path.join(ROOT, 'src'), LIMIT, ROOT)).toEqual([]);
  });
});
