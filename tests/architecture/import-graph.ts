/**
 * The import graph of a source tree and the cycles in it, read with the TypeScript compiler's own scanner and module
 * resolution (tsconfig's options), so it sees every kind of import the compiler does: `import type`, `export type *
 * from`, side-effect imports, `import()` calls and `import('x').T` types. A cycle through any of them counts: even a
 * type-only cycle ties two modules together, and a cycle of values can leave one of them half-evaluated at start-up.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { typeScriptFilesUnder } from './source-files';

/** Each source file (repository-relative POSIX path) with the source files it imports, in the order written. */
export type ImportGraph = Map<string, string[]>;

export function compilerOptionsOf(tsconfigPath: string): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(tsconfigPath, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(tsconfigPath)).options;
}

/** The imports of every TypeScript file under `rootDir` that resolve to another file under it (packages are left out). */
export function readImportGraph(rootDir: string, options: ts.CompilerOptions, relativeTo = rootDir): ImportGraph {
  const files = typeScriptFilesUnder(rootDir);
  const inTree = new Set(files.map((file) => path.resolve(file)));
  const name = (file: string) => path.relative(relativeTo, file).split(path.sep).join('/');
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved === undefined || !inTree.has(path.resolve(resolved))) continue;
      const target = name(path.resolve(resolved));
      if (!targets.includes(target)) targets.push(target);
    }
    graph.set(name(file), targets);
  }
  return graph;
}

/** The strongly connected components of the graph (Tarjan): each group of files that can reach one another. */
function tangledGroups(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    const selfImport = group.length === 1 && (graph.get(file) ?? []).includes(file);
    if (group.length > 1 || selfImport) groups.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return groups;
}

/** The shortest way from `start` back to itself inside one group (breadth-first), e.g. [a, b, a]. */
function shortestLoop(graph: ImportGraph, start: string, group: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of graph.get(file) ?? []) {
      if (!group.has(target)) continue;
      if (target === start) {
        const loop = [file];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0])!);
        return [...loop, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start];
}

export interface ImportCycle {
  /** Every file in the tangle, sorted. */
  files: string[];
  /** One concrete loop through it, as a reader can follow it: a → b → a. */
  example: string[];
}

/** Every group of files that import one another, directly or round a longer loop, with one loop through each. */
export function findImportCycles(graph: ImportGraph): ImportCycle[] {
  return tangledGroups(graph).map((files) => ({ files, example: shortestLoop(graph, files[0], new Set(files)) }));
}
