import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { App as ObsidianApp } from 'obsidian';
import { VaultPathError } from '../../../src/core/vault/vault-path';
import { isAbsoluteExportPath } from '../../../src/core/export/export-path';
import { ExportFileError, ExportFiles, locateExport, nodeModules } from '../../../src/obsidian/export/export-file';
import { createMockApp, setMockPlatform } from '../../__mocks__/obsidian';

afterEach(() => setMockPlatform('desktop'));

describe('locateExport', () => {
  it.each([
    ['/Users/me/Zotero/library.bib', 'external'],
    ['~/Zotero/library.bib', 'external'],
    ['C:\\Users\\me\\library.bib', 'external'],
    ['D:/Zotero/library.json', 'external'],
    ['\\\\server\\share\\library.bib', 'external'],
    ['Zotero/library.bib', 'vault'],
    ['library.bib', 'vault'],
    ['  ', 'unset'],
  ])('%s is %s', (setting, kind) => {
    expect(locateExport(setting).kind).toBe(kind);
  });

  it('normalises a vault path and rejects ".."', () => {
    expect(locateExport('./Zotero//library.bib ')).toEqual({ kind: 'vault', path: 'Zotero/library.bib' });
    expect(() => locateExport('../outside.bib')).toThrow(VaultPathError);
    expect(isAbsoluteExportPath('~user/x.bib')).toBe(false);
  });
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('ExportFiles', () => {
  it('reads a vault export\'s bytes through the Vault API and fingerprints it by size and mtime', async () => {
    const app = await createMockApp({ 'Zotero/library.bib': '@article{a, title={T}}' });
    const files = new ExportFiles(app as unknown as ObsidianApp);
    const location = locateExport('Zotero/library.bib');
    expect(text(await files.readBytes(location))).toBe('@article{a, title={T}}');
    const before = await files.fingerprint(location);
    expect(before).toMatch(/^22:\d+$/);
    await app.vault.setExternal('Zotero/library.bib', '@article{a, title={T2}}');
    expect(await files.fingerprint(location)).not.toBe(before);
    await expect(files.readBytes(locateExport('Zotero/none.bib'))).rejects.toThrow('Export file not found in the vault: Zotero/none.bib');
    expect(await files.fingerprint(locateExport('Zotero/none.bib'))).toBeNull();
  });

  it('reads an export outside the vault with Node on desktop, "~" included', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'zcn-export-'));
    try {
      const abs = path.join(dir, 'library.bib');
      await fsp.writeFile(abs, '@article{x, title={X}}');
      const app = await createMockApp();
      const files = new ExportFiles(app as unknown as ObsidianApp, nodeModules);
      const bytes = await files.readBytes(locateExport(abs));
      expect(text(bytes)).toBe('@article{x, title={X}}');
      expect([bytes.byteOffset, bytes.buffer.byteLength]).toEqual([0, bytes.byteLength]); // a buffer of its own, for the worker
      expect(await files.fingerprint(locateExport(abs))).toMatch(/^22:/);
      await expect(files.readBytes(locateExport(path.join(dir, 'gone.bib')))).rejects.toThrow(`Export file not found: ${path.join(dir, 'gone.bib')}`);
      await expect(files.readBytes(locateExport(dir))).rejects.toThrow(ExportFileError);
      const home = { ...nodeModules()!, os: { ...os, homedir: () => dir } };
      expect(text(await new ExportFiles(app as unknown as ObsidianApp, () => home).readBytes(locateExport('~/library.bib')))).toBe('@article{x, title={X}}');
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  it('never loads Node on mobile, and says to keep the export in the vault', async () => {
    setMockPlatform('mobile');
    expect(nodeModules()).toBeNull();
    const app = await createMockApp();
    const files = new ExportFiles(app as unknown as ObsidianApp);
    await expect(files.readBytes(locateExport('/Users/me/library.bib'))).rejects.toThrow(/only be read by the desktop app/);
    expect(await files.fingerprint(locateExport('/Users/me/library.bib'))).toBeNull();
  });

  it('asks for the setting when no export is set', async () => {
    const files = new ExportFiles((await createMockApp()) as unknown as ObsidianApp);
    await expect(files.readBytes(locateExport(''))).rejects.toThrow('Set the Better BibTeX export file in the plugin settings first.');
  });
});

describe('ExportFiles and files that are not exports', () => {
  const posixOnly = process.platform === 'win32' ? it.skip : it;

  posixOnly('refuses a FIFO and a device outside the vault without reading them', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'zcn-export-fifo-'));
    try {
      const fifo = path.join(dir, 'library.bib');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const files = new ExportFiles((await createMockApp({})) as unknown as ObsidianApp, nodeModules);
      for (const abs of [fifo, '/dev/zero']) {
        await expect(files.readBytes(locateExport(abs))).rejects.toThrow(
          new ExportFileError(`Cannot read the export file ${abs}: it is not a regular file (a pipe, a device or a socket); point the setting at the export file itself`),
        );
      }
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});
