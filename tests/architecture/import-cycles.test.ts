/**
 * No import cycles in src/, type-only imports included: a cycle of values can leave a module half-evaluated when the
 * plugin starts, and even a type-only one means neither module can be understood, moved or split without the other.
 * Shared types go into a small module both import (see src/core/sync/types.ts, merge-types.ts).
 *
 * The finder (import-graph.ts) is checked first on small trees written here, so that "no cycles" in src/ means
 * there are none, not that the finder saw no imports.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compilerOptionsOf, findImportCycles, readImportGraph, type ImportCycle } from './import-graph';

const ROOT = path.resolve(__dirname, '../..');
const options = compilerOptionsOf(path.join(ROOT, 'tsconfig.json'));

describe('the import cycle finder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zcn-cycles-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Write the files of a small tree and return the cycles the finder reports in it. */
  function cyclesIn(files: Record<string, string>): ImportCycle[] {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return findImportCycles(readImportGraph(dir, options));
  }

  const loopsIn = (files: Record<string, string>) => cyclesIn(files).map((cycle) => cycle.example);

  it('finds two modules that import values from each other', () => {
    expect(loopsIn({ 'a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'b.ts': "import { a } from './a';\nexport const b = () => a;\n" })).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('finds a cycle made only of type imports, in each way a type can be imported', () => {
    const typeOnly = { 'a.ts': "import type { B } from './b';\nexport interface A { b: B }\n" };
    expect(loopsIn({ ...typeOnly, 'b.ts': "import type { A } from './a';\nexport interface B { a: A }\n" })).toEqual([['a.ts', 'b.ts', 'a.ts']]);
    expect(loopsIn({ ...typeOnly, 'b.ts': "export interface B { a: import('./a').A }\n" })).toEqual([['a.ts', 'b.ts', 'a.ts']]);
    expect(loopsIn({ ...typeOnly, 'b.ts': "export type * from './a';\nexport interface B { n: number }\n" })).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('finds a longer loop, through a folder front door, a re-export, a side-effect import and import()', () => {
    const cycles = cyclesIn({
      'a.ts': "import { c } from './lib';\nexport const a = c;\n",
      'lib/index.ts': "export { c } from './c';\n",
      'lib/c.ts': "import '../d';\nexport const c = 1;\n",
      'd.ts': "export const d = () => import('./a');\n",
      'outside.ts': "import { a } from './a';\nexport const outside = a;\n",
    });
    expect(cycles).toEqual([{ files: ['a.ts', 'd.ts', 'lib/c.ts', 'lib/index.ts'], example: ['a.ts', 'lib/index.ts', 'lib/c.ts', 'd.ts', 'a.ts'] }]);
  });

  it('finds a module that imports itself', () => {
    expect(loopsIn({ 'a.ts': "import type { A as Self } from './a';\nexport interface A { next: Self }\n" })).toEqual([['a.ts', 'a.ts']]);
  });

  it('reports nothing for shared imports without a loop, nor for packages', () => {
    const diamond = {
      'top.ts': "import { left } from './left';\nimport { right } from './right';\nexport const top = left + right;\n",
      'left.ts': "import { base } from './base';\nexport const left = base;\n",
      'right.ts': "import type { Base } from './base';\nimport { base } from './base';\nexport const right: Base = base;\n",
      'base.ts': "import * as ts from 'typescript';\nexport type Base = number;\nexport const base: Base = ts.version.length;\n",
    };
    expect(loopsIn(diamond)).toEqual([]);
    expect(readImportGraph(dir, options).get('top.ts')).toEqual(['left.ts', 'right.ts']);
    expect(readImportGraph(dir, options).get('base.ts')).toEqual([]);
  });
});

describe('src/', () => {
  const graph = readImportGraph(path.join(ROOT, 'src'), options, ROOT);

  it('is read whole: every module, with the imports between them', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('src/core/sync/merge-note.ts')).toEqual(expect.arrayContaining(['src/core/sync/merge-regions.ts', 'src/core/sync/merge-types.ts', 'src/core/sync/types.ts']));
    // A front door and the heavy module it imports only on first use, through `import()`.
    expect(graph.get('src/core/sync/index.ts')).toContain('src/core/sync/engine.ts');
  });

  it('has no import cycles, not even through type-only imports', () => {
    const cycles = findImportCycles(graph).map((cycle) => `${cycle.example.join(' -> ')}  (tangle of ${cycle.files.length}: ${cycle.files.join(', ')})`);
    expect(cycles).toEqual([]);
  });
});
