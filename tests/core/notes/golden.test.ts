import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectGolden } from './golden';

describe('expectGolden', () => {
  const saved = { update: process.env.UPDATE_GOLDEN, ci: process.env.CI };
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zcn-golden-'));
    delete process.env.UPDATE_GOLDEN;
    delete process.env.CI;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of [['UPDATE_GOLDEN', saved.update], ['CI', saved.ci]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('fails on a missing golden file, off CI too, and writes nothing', () => {
    expect(() => expectGolden('new.md', 'text\n', dir)).toThrow(/missing.*UPDATE_GOLDEN=1/);
    expect(existsSync(join(dir, 'new.md'))).toBe(false);
  });

  it('writes it with UPDATE_GOLDEN=1, then compares byte for byte', () => {
    process.env.UPDATE_GOLDEN = '1';
    expectGolden('new.md', 'text\n', dir);
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('text\n');
    delete process.env.UPDATE_GOLDEN;
    expectGolden('new.md', 'text\n', dir);
    expect(() => expectGolden('new.md', 'text\r\n', dir)).toThrow();
  });
});
