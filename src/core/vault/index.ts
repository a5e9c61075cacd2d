/**
 * Storage: the VaultPort every backend implements (in memory here, Node in src/node, Obsidian in src/obsidian),
 * and the vault-relative POSIX path helpers they all share.
 */
export { FileExistsError, FileKeptChangingError, ReadOnlyFileError, type FileStat, type VaultPort } from './vault-port';
export { InMemoryVault } from './memory-vault';
export { isOwnTempName, tempFileName } from './temp-names';
export { isInFolder, joinVaultPath, normalizeVaultPath, vaultBasename, vaultDirname, VaultPathError } from './vault-path';
export { matchFileCase, matchFolderCase, type CaseMatch, type FolderListing } from './path-case';
