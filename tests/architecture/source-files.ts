/**
 * The source files of a tree and their length in lines, for the rule that files stay small (docs/DEVELOPERS: about
 * 300 lines at most): a file that grows past it has a seam to split along.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Every TypeScript file under `dir`, sorted. */
export function typeScriptFilesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return typeScriptFilesUnder(full);
      return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** Lines as an editor counts them (and `wc -l`, for a file that ends in a line break): a final line break ends the last line. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

/** The files under `dir` longer than `limit` lines, longest first, as "path (N lines)" relative to `relativeTo`. */
export function filesOverLimit(dir: string, limit: number, relativeTo = dir): string[] {
  return typeScriptFilesUnder(dir)
    .map((file) => ({ file: path.relative(relativeTo, file).split(path.sep).join('/'), lines: lineCount(fs.readFileSync(file, 'utf8')) }))
    .filter(({ lines }) => lines > limit)
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file))
    .map(({ file, lines }) => `${file} (${lines} lines)`);
}
