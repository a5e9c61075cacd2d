/**
 * The CLI as a real child process, for the crash and race tests: bundled from src/ by esbuild (as `npm run build`
 * does) into the temp folder, once per change of the sources (the bundle is named after their newest mtime, so
 * test files running in parallel share it), and run with bounded times.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { builtinModules } from 'node:module';
import { readFixture } from './fixtures';

const ROOT = resolve(__dirname, '../..');

/** Bundles are named per checkout (several clones or worktrees may run their tests at once on one machine). */
const BUNDLE_PREFIX = `zcn-test-cli-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}-`;
const STALE_BUNDLE_MS = 60 * 60 * 1000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The path of a CLI bundle built from the current sources. */
export function builtCli(): string {
  const out = join(tmpdir(), `${BUNDLE_PREFIX}${Math.floor(newestMtime(join(ROOT, 'src')))}.js`);
  if (existsSync(out)) return out;
  const temp = `${out}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    outfile: temp,
    logLevel: 'silent',
  });
  renameSync(temp, out);
  // Bundles of this checkout's earlier sources are of no use any more; only those an hour old go, since a test file
  // of a run still going may spawn its own again (and other checkouts on this machine have bundles of their own).
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(BUNDLE_PREFIX) || !name.endsWith('.js') || path === out) continue;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_BUNDLE_MS) rmSync(path, { force: true });
  }
  return out;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** A running CLI: the process and a promise of how it ended (killed after `timeoutMs`, so a test never hangs). */
export function startCli(cli: string, args: string[], timeoutMs = 30_000): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<Finished>((resolveDone) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveDone({ code, signal, out, err });
    });
  });
  return { child, done };
}

export function runCliProcess(cli: string, args: string[], timeoutMs?: number): Promise<Finished> {
  return startCli(cli, args, timeoutMs).done;
}

/** The first `count` entries of a real BibLaTeX export (bulk-1241-items: entries start with "@" at a line start). */
export function realExport(count: number): string {
  const bib = readFixture('bbt/bulk-1241-items.biblatex.bib');
  const starts = [...bib.matchAll(/^@/gm)].map((m) => m.index);
  return starts.length <= count ? bib : bib.slice(0, starts[count]);
}

/** That export with every title prefixed (every paper changed). */
export function retitled(bib: string, prefix: string): string {
  return bib.replace(/^ {2}title = \{/gm, `  title = {${prefix}: `);
}

/** Every file below `dir` (dot folders included), as paths relative to it. */
export function allFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...allFiles(dir, path));
    else out.push(path);
  }
  return out.sort();
}

/** The text of a vault file. */
export function fileText(vault: string, path: string): string {
  return readFileSync(join(vault, path), 'utf8');
}
