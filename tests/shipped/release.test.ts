/**
 * What the community directory checks before it lists a release, checked here first: the manifest's words, the
 * versions, the release workflow (an exact version tag, attested files, a draft), the workflow that lints and tests
 * every push, and the README's disclosures (files outside the vault, no network).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import manifest from '../../manifest.json';
import pkg from '../../package.json';
import versions from '../../versions.json';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags?: string[]; branches?: string[] } };
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;

describe('the manifest', () => {
  it('describes the plugin as the directory asks: an action first, a period last, at most 250 characters, no "Obsidian"', () => {
    const { description } = manifest;
    expect(description.length).toBeLessThanOrEqual(250);
    expect(description.endsWith('.')).toBe(true);
    expect(description.split(' ')[0]).toMatch(/^(Create|Import|Sync|Generate|Turn|Link|Keep|Open)$/);
    expect(description).not.toMatch(/obsidian|this plugin|[\u{1F300}-\u{1FAFF}]/iu);
    expect(pkg.description).toBe(description);
  });

  it('has the version of package.json, and a minAppVersion that versions.json names', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.values(versions)).toContain(manifest.minAppVersion);
    expect(manifest.minAppVersion).toBe('1.8.7'); // App.saveLocalStorage, getLanguage and Notice.messageEl need it
    expect(manifest.isDesktopOnly).toBe(false);
  });
});

describe('the release workflow', () => {
  const release = workflow('release.yml');
  const [job] = Object.values(release.jobs);
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on a tag that is a bare version (1.2.0, never v1.2.0) and checks it against the manifest', () => {
    expect(release.on.push.tags).toEqual(['[0-9]+.[0-9]+.[0-9]+']);
    expect(runs).toContain('manifest.version !== tag');
  });

  it('builds from the lockfile, attests main.js, manifest.json and styles.css, and drafts a release with them', () => {
    expect(runs).toMatch(/npm ci\s+npm run build/);
    expect(job.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' });
    const attest = job.steps.find((s) => s.uses?.startsWith('actions/attest'));
    expect(attest?.with?.['subject-path'].trim().split('\n')).toEqual(['main.js', 'manifest.json', 'styles.css']);
    expect(runs).toMatch(/gh release create "\$tag" \\\s+--title="\$tag" \\\s+--draft \\\s+main\.js manifest\.json styles\.css/);
  });

  it('has a lint workflow: clean install, build, lint, tests', () => {
    const lint = workflow('lint.yml');
    const steps = Object.values(lint.jobs)[0].steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(steps).toEqual(['npm ci', 'npm run build', 'npm run lint', 'npm run typecheck', 'npx jest']);
  });
});

describe('the README', () => {
  const readme = read('README.md');

  it('discloses the access to files outside the vault and says no network is used', () => {
    const section = readme.slice(readme.indexOf('### Privacy and access'));
    expect(section).toContain('outside the vault');
    expect(section).toContain('no network requests');
  });
});
