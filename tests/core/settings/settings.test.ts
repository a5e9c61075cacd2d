import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_VERSION } from '../../../src/core/settings/settings';

describe('normalizeSettings', () => {
  it('fills every field from the defaults when there is no data', () => {
    expect(normalizeSettings(null)).toEqual({ ...DEFAULT_SETTINGS });
    expect(normalizeSettings(undefined).notesFolder).toBe('Literature');
  });

  it('keeps valid user values and replaces invalid ones', () => {
    const s = normalizeSettings({ version: 2, notesFolder: 'Papers', autoSyncNotice: 'yes', minExportRatio: 7, categories: 'NOVA, ML' });
    expect(s.notesFolder).toBe('Papers');
    expect(s.autoSyncNotice).toBe(DEFAULT_SETTINGS.autoSyncNotice);
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

  it('drops the automatic sync switch of version 1: it belongs to each device now', () => {
    const s = normalizeSettings({ version: 1, autoSync: false, notesFolder: 'Papers' });
    expect(s).toMatchObject({ version: 2, notesFolder: 'Papers' });
    expect(s).not.toHaveProperty('autoSync');
  });

  it('fills the concept policy and the writing settings, and keeps what is valid of hand-edited values', () => {
    expect(normalizeSettings({})).toMatchObject({ ubiquitousConceptShare: 0.5, adoptedConceptSections: false, citationTemplate: '[@{{citekey}}]', citationTriggers: ['[@', '@@'], citedInSections: true });
    expect(normalizeSettings({}).adoptedConcepts).toBeUndefined(); // absent until a note is adopted
    const s = normalizeSettings({ ubiquitousConceptShare: 0, citationTemplate: '  ', citationTriggers: '[@  cite: [@ way-too-long-trigger', adoptedConcepts: ['Notes/T.md', 3] });
    expect(s).toMatchObject({ ubiquitousConceptShare: 0.01, citationTemplate: '[@{{citekey}}]', citationTriggers: ['[@', 'cite:'], adoptedConcepts: ['Notes/T.md'] });
    expect(normalizeSettings({ citationTriggers: [] }).citationTriggers).toEqual([]); // the suggester turned off stays off
    expect(normalizeSettings({ ubiquitousConceptShare: 'half' }).ubiquitousConceptShare).toBe(0.5);
  });

  it('never shares arrays with the defaults', () => {
    const s = normalizeSettings({});
    s.categories.push('x');
    s.citationTriggers.push('x');
    expect(DEFAULT_SETTINGS.categories).toEqual(['Papers']);
    expect(DEFAULT_SETTINGS.citationTriggers).toEqual(['[@', '@@']);
  });
});
