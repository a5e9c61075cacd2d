/**
 * Whether the shared fixtures (real Better BibTeX exports, kept outside the repository) are here, and which test
 * suites read them. jest.config.js uses this: on a clone without them, those suites are left out with one line that
 * says what to set; with ZCN_REQUIRE_FIXTURES=1 (CI) their absence fails the run instead. Plain CommonJS, because
 * jest reads its config before any TypeScript is compiled.
 */
const { existsSync, readFileSync, readdirSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');

const MANIFEST = 'tests/fixtures/manifest.json';
const FIXTURES_MODULE = 'tests/support/fixtures.ts';

/** The fixtures folder: ZCN_FIXTURES, else ../shared/fixtures beside the repository. */
function fixturesDir(root) {
  return process.env.ZCN_FIXTURES ? resolve(process.env.ZCN_FIXTURES) : resolve(root, '..', 'shared', 'fixtures');
}

/** The manifest's files that are not in the fixtures folder (all of them when the folder is missing or empty). */
function missingFixtures(root) {
  const dir = fixturesDir(root);
  const { files } = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8'));
  return { dir, total: files.length, missing: files.map((f) => f.file).filter((file) => !existsSync(join(dir, file))) };
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__golden__' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The relative modules a TypeScript file imports (static and dynamic imports, requires), as absolute paths. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), m[1]);
    const target = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
    if (target) found.push(target);
  }
  return found;
}

/** Test suites (paths relative to `root`) that import tests/support/fixtures.ts, directly or through helpers. */
function suitesReadingFixtures(root) {
  const target = join(root, FIXTURES_MODULE);
  const memo = new Map();
  const reads = (file) => {
    if (file === target) return true;
    if (memo.has(file)) return memo.get(file);
    memo.set(file, false); // an import cycle does not read fixtures by itself
    const result = file.startsWith(join(root, 'tests')) && importsOf(file).some(reads);
    memo.set(file, result);
    return result;
  };
  return testFiles(join(root, 'tests'))
    .filter(reads)
    .map((file) => relative(root, file).split('\\').join('/'))
    .sort();
}

module.exports = { MANIFEST, fixturesDir, missingFixtures, suitesReadingFixtures };
