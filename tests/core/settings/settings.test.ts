import { DEFAULT_SETTINGS, normalizeSettings, settingsData, SETTINGS_VERSION } from '../../../src/core/settings/settings';
import { colorLabelsInput, colorLabelsText } from '../../../src/core/settings/setting-inputs';

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
    expect(s.exportPaths).toEqual(['/home/u/Zotero/library.bib']);
    expect(s.noteTemplatePath).toBe('Templates/paper.md');
    expect(s).not.toHaveProperty('bibPath');
  });

  it('drops the automatic sync switch of version 1: it belongs to each device now', () => {
    const s = normalizeSettings({ version: 1, autoSync: false, notesFolder: 'Papers' });
    expect(s).toMatchObject({ version: SETTINGS_VERSION, notesFolder: 'Papers' });
    expect(s).not.toHaveProperty('autoSync');
  });

  it('turns the one export of version 2 into a list of one, and an empty one into none', () => {
    const s = normalizeSettings({ version: 2, exportPath: '  Zotero/library.bib ', notesFolder: 'Papers' });
    expect(s).toMatchObject({ version: 3, exportPaths: ['Zotero/library.bib'], notesFolder: 'Papers' });
    expect(s).not.toHaveProperty('exportPath');
    expect(normalizeSettings({ version: 2, exportPath: '' }).exportPaths).toEqual([]);
    expect(normalizeSettings({ version: 2 }).exportPaths).toEqual([]);
    // Written by an older version on another device (version 2): its exportPath is what that device set.
    expect(normalizeSettings({ version: 2, exportPath: 'b.bib', exportPaths: ['a.bib', 'c.json'] }).exportPaths).toEqual(['b.bib']);
  });

  it('keeps the list of version 3 (trimmed, without blanks or repeats), and reads a lone exportPath there too', () => {
    const s = normalizeSettings({ version: 3, exportPaths: [' Zotero/personal.bib', 'Zotero/group.json', '', 'Zotero/group.json', 7, '/home/me/other.yaml'], exportPath: 'ignored.bib' });
    expect(s.exportPaths).toEqual(['Zotero/personal.bib', 'Zotero/group.json', '/home/me/other.yaml']);
    expect(normalizeSettings({ version: 3, exportPath: 'hand/edited.bib' }).exportPaths).toEqual(['hand/edited.bib']);
  });

  it('saves the first export as exportPath too, for an older version of the plugin on another device', () => {
    const data = settingsData(normalizeSettings({ version: 3, exportPaths: ['a.bib', 'b.json'] }));
    expect(data).toMatchObject({ version: 3, exportPaths: ['a.bib', 'b.json'], exportPath: 'a.bib' });
    expect(normalizeSettings(JSON.parse(JSON.stringify(data))).exportPaths).toEqual(['a.bib', 'b.json']);
    expect(settingsData(normalizeSettings(null)).exportPath).toBe('');
  });

  it('keeps labels of known highlight colours only', () => {
    const s = normalizeSettings({ annotationColorLabels: { red: ' Important ', blue: 'Method', teal: 'x', green: 3, purple: '  ' } });
    expect(s.annotationColorLabels).toEqual({ red: 'Important', blue: 'Method' });
    expect(normalizeSettings({ annotationColorLabels: 'red: x' }).annotationColorLabels).toEqual({});
    expect(normalizeSettings({ annotationColorLabels: { red: '' } }).annotationColorLabels).toEqual({});
    expect(normalizeSettings(null).annotationColorLabels).toEqual({});
  });

  it('fills the concept policy and the writing settings, and keeps what is valid of hand-edited values', () => {
    expect(normalizeSettings({})).toMatchObject({ ubiquitousConceptShare: 0.5, adoptedConceptSections: false, citationTemplate: '[@{{citekey}}]', citationTriggers: ['[@', '@@'], citedInSections: true });
    expect(normalizeSettings({}).adoptedConcepts).toBeUndefined(); // absent until a note is adopted
    const s = normalizeSettings({ ubiquitousConceptShare: 0, citationTemplate: '  ', citationTriggers: '[@  cite: [@ way-too-long-trigger', adoptedConcepts: ['Notes/T.md', 3] });
    expect(s).toMatchObject({ ubiquitousConceptShare: 0.01, citationTemplate: '[@{{citekey}}]', citationTriggers: ['[@', 'cite:'], adoptedConcepts: ['Notes/T.md'] });
    expect(normalizeSettings({ citationTriggers: [] }).citationTriggers).toEqual([]); // the suggester turned off stays off
    expect(normalizeSettings({ ubiquitousConceptShare: 'half' }).ubiquitousConceptShare).toBe(0.5);
  });

  it('reads the collections to sync: none is the whole library; one per line, commas kept, blanks and repeats dropped', () => {
    expect(normalizeSettings({}).syncCollections).toEqual([]);
    expect(normalizeSettings({ syncCollections: [' Reading/MLLM ', '', 'Thesis, chapter 2', 'Reading/MLLM', 7] }).syncCollections).toEqual(['Reading/MLLM', 'Thesis, chapter 2']);
    expect(normalizeSettings({ syncCollections: 'Methodology\r\nThesis, chapter 2\n' }).syncCollections).toEqual(['Methodology', 'Thesis, chapter 2']);
    expect(normalizeSettings({ syncCollections: { Methodology: true } }).syncCollections).toEqual([]);
  });

  it('never shares arrays with the defaults', () => {
    const s = normalizeSettings({});
    s.categories.push('x');
    s.citationTriggers.push('x');
    s.syncCollections.push('x');
    s.exportPaths.push('x');
    expect(DEFAULT_SETTINGS.exportPaths).toEqual([]);
    expect(DEFAULT_SETTINGS.categories).toEqual(['Papers']);
    expect(DEFAULT_SETTINGS.citationTriggers).toEqual(['[@', '@@']);
    expect(DEFAULT_SETTINGS.syncCollections).toEqual([]);
  });
});

describe('highlight colour labels as typed', () => {
  it('reads one "colour: label" per line, half- or full-width colon, and says what is wrong with a bad line', () => {
    expect(colorLabelsInput('red: Important\n\n  Blue：方法  \nyellow:')).toEqual({ labels: { red: 'Important', blue: '方法' } });
    expect(colorLabelsInput('teal: x')).toEqual({ error: '"teal: x": write a colour, a colon and its meaning, e.g. "red: Important" (colours: yellow, red, green, blue, purple, magenta, orange, gray).' });
    expect(colorLabelsText({ blue: 'Method', red: 'Important' })).toBe('red: Important\nblue: Method');
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
