import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION } from '../../../src/core/settings/settings';

describe('normalizeSettings', () => {
  it('fills every field from the defaults when there is no data', () => {
    expect(normalizeSettings(null)).toEqual({ ...DEFAULT_SETTINGS });
    expect(normalizeSettings(undefined).notesFolder).toBe('Literature');
  });

  it('keeps valid user values and replaces invalid ones', () => {
    const s = normalizeSettings({ version: 1, notesFolder: 'Papers', autoSync: 'yes', minExportRatio: 7, categories: 'NOVA, ML' });
    expect(s.notesFolder).toBe('Papers');
    expect(s.autoSync).toBe(DEFAULT_SETTINGS.autoSync);
    expect(s.minExportRatio).toBe(1);
    expect(s.categories).toEqual(['NOVA', 'ML']);
  });

  it('migrates unversioned data', () => {
    const s = normalizeSettings({ bibPath: '/home/u/Zotero/library.bib', templatePath: 'Templates/paper.md' });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.exportPath).toBe('/home/u/Zotero/library.bib');
    expect(s.noteTemplatePath).toBe('Templates/paper.md');
    expect(s).not.toHaveProperty('bibPath');
  });

  it('never shares arrays with the defaults', () => {
    const s = normalizeSettings({});
    s.categories.push('x');
    expect(DEFAULT_SETTINGS.categories).toEqual(['Papers']);
  });
});

describe('hiddenFolderProblem', () => {
  it('refuses the config folder (as configured, in any case) and any folder with a hidden name', async () => {
    const { hiddenFolderProblem } = await import('../../../src/core/settings');
    expect(hiddenFolderProblem('Literature')).toBeNull();
    expect(hiddenFolderProblem('Papers/2024.notes')).toBeNull();
    expect(hiddenFolderProblem('.obsidian', '.obsidian')).toMatch(/inside Obsidian's config folder \(\.obsidian\)/);
    expect(hiddenFolderProblem('.Obsidian/plugins', '.obsidian')).toMatch(/inside Obsidian's config folder/);
    expect(hiddenFolderProblem('.obsidian/Lit')).toMatch(/is a hidden folder/);
    expect(hiddenFolderProblem('.config/Lit', '.config')).toMatch(/inside Obsidian's config folder \(\.config\)/);
    expect(hiddenFolderProblem('.obsidian/Lit', '.config')).toMatch(/is a hidden folder/);
    expect(hiddenFolderProblem('Lit/.trash')).toMatch(/is a hidden folder/);
  });
});
