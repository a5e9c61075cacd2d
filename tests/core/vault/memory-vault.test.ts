import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { describeVaultContract } from './vault-contract';

describeVaultContract('InMemoryVault', () => {
  const vault = new InMemoryVault();
  return Promise.resolve({ vault, writes: () => vault.writes });
});

describe('InMemoryVault extras', () => {
  it('starts from the given files, normalising their paths, without counting them as writes', async () => {
    const vault = new InMemoryVault({ './A//b.md': 'b', 'c.md': 'c' });
    expect(vault.snapshot()).toEqual({ 'A/b.md': 'b', 'c.md': 'c' });
    expect(vault.writes).toEqual([]);
    await vault.write('c.md', 'C');
    expect(vault.writes).toEqual(['c.md']);
    vault.resetWrites();
    expect(vault.writes).toEqual([]);
  });
});
