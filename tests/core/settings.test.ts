import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION } from '../../src/core/settings';

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

  it('keeps labels of known highlight colours only', () => {
    const s = normalizeSettings({ annotationColorLabels: { red: ' Important ', blue: 'Method', teal: 'x', green: 3, purple: '  ' } });
    expect(s.annotationColorLabels).toEqual({ red: 'Important', blue: 'Method' });
    expect(normalizeSettings({ annotationColorLabels: 'red: x' })).not.toHaveProperty('annotationColorLabels');
    expect(normalizeSettings({ annotationColorLabels: { red: '' } })).not.toHaveProperty('annotationColorLabels');
  });

  it('never shares arrays with the defaults', () => {
    const s = normalizeSettings({});
    s.categories.push('x');
    expect(DEFAULT_SETTINGS.categories).toEqual(['Papers']);
  });
});
