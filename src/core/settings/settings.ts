/**
 * Plugin settings: one shape for the plugin (data.json via loadData/saveData) and the CLI (the same file).
 * `normalizeSettings` is pure and versioned: it migrates old data and fills every missing field from a fresh
 * copy of the defaults, never mutating DEFAULT_SETTINGS. data.json travels to every device with the vault, so
 * what belongs to one device (whether it syncs automatically) is not here but in device-settings.ts.
 */
import { ANNOTATION_COLOR_NAMES, type AnnotationColorName } from '../library/annotation';

/**
 * 2: `autoSync` left data.json for each device's own storage (see device-settings.ts).
 * 3: the one `exportPath` became the list `exportPaths` (several libraries); `exportPath` is still read from older
 * data, and still written as the first export for an older version of the plugin on another device.
 */
export const SETTINGS_VERSION = 3;

/** Where the summary section of a literature note comes from. */
export type SummarySource = 'abstract' | 'first-note';
/** Language of the default template's headings; `auto` follows Obsidian's language (English elsewhere). */
export type HeadingsLanguage = 'auto' | 'en' | 'zh';

export interface Settings {
  /** Settings schema version, for migrations. */
  version: number;
  /**
   * The BBT exports to read, in order (a personal library, a group library…): each an absolute path outside the
   * vault, or a vault-relative path. Empty: none set. A citekey in two of them is synced from the first listed.
   */
  exportPaths: string[];
  /**
   * Sync only the papers of these Zotero collections (JabRef groups in a `.bib`), subcollections included, each
   * named by its path ("Reading/MLLM") or its own name ("MLLM"). Empty: the whole library. Papers outside are left
   * alone (not created, updated or flagged); "Import paper" imports any paper. The CLI's `--collection` overrides it.
   */
  syncCollections: string[];
  /** Folder (vault path) for literature notes. */
  notesFolder: string;
  /** Folder (vault path) for concept notes. */
  conceptsFolder: string;
  /** Handlebars template for a literature note's file name, without extension. */
  fileNameTemplate: string;
  /** Vault path of a Handlebars note template; empty uses the built-in template. */
  noteTemplatePath: string;
  /** date-fns format of the `date` front-matter value (the import time). */
  dateFormat: string;
  /** The `categories` front-matter list of new notes (Hexo). */
  categories: string[];
  /**
   * What "Insert paper summary" writes under each paper: the abstract, or the user's first Zotero note. A literature
   * note's Summary section is always the abstract (Zotero notes have a section of their own).
   */
  summarySource: SummarySource;
  /** Headings language of the default template. */
  headingsLanguage: HeadingsLanguage;
  /**
   * After an automatic sync that created notes or found a conflict, show a short notice (otherwise automatic
   * syncs are silent; their problems show in the status bar and the settings).
   */
  autoSyncNotice: boolean;
  /** Quiet time after the export last changed before an automatic sync starts, in milliseconds. */
  autoSyncDelayMs: number;
  /** Extra folders (vault paths) whose notes get concept links, besides the notes and concepts folders. */
  conceptScopeFolders: string[];
  /** Offer the built-in bilingual glossary (LLM, ICL, CoT, 指令微调…) for creating concept notes. */
  useBuiltinGlossary: boolean;
  /** Link concepts inside headings too (off by default: headings are left alone). */
  linkInHeadings: boolean;
  /**
   * A concept mentioned by more than this share (0.01–1) of the notes in scope is suggested for switching off
   * (`zcn-link: false` on its note): it would link nearly everything. Never switched off automatically. 1: never.
   */
  ubiquitousConceptShare: number;
  /**
   * The user's own notes adopted as concept notes (vault paths, outside the concepts folder): "Create concept notes
   * from glossary" and "Suggest concepts from library" adopt a note already named like a concept or one of its
   * aliases instead of making a second one. Absent until something is adopted (it has no row of its own: adopting
   * is reported, and renaming the note ends it).
   */
  adoptedConcepts?: string[];
  /** Adopted notes get the concept section (notes mentioning the concept, related concepts) too. Off: left as written. */
  adoptedConceptSections: boolean;
  /**
   * Handlebars template of the citation "Insert citation" and the citation suggester insert, with the note
   * template's variables (Citations' names) and `locator`. Pandoc's syntax by default, so the draft exports as is.
   */
  citationTemplate: string;
  /** What typed in a note opens the citation suggester (`[@`, `@@`); empty: no suggester. */
  citationTriggers: string[];
  /** Keep a "Cited in" section in each literature note: the notes that cite the paper, updated as they change. */
  citedInSections: boolean;
  /**
   * Refuse to sync when the export holds fewer than this fraction of the papers of the last sync
   * (a half-written or wrong export). 0 disables the check.
   */
  minExportRatio: number;
  /**
   * What each Zotero highlight colour means to the user, shown as the title of its annotations in literature notes
   * (`{ red: "Important", blue: "Method" }`). A colour without a label shows its name (Yellow / 黄色). Each colour
   * keeps its own callout type (`zotero-red`…), coloured by the plugin's stylesheet, so colours stay apart either way.
   */
  annotationColorLabels: Partial<Record<AnnotationColorName, string>>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  exportPaths: Object.freeze([]) as unknown as string[],
  syncCollections: Object.freeze([]) as unknown as string[],
  notesFolder: 'Literature',
  conceptsFolder: 'Concepts',
  fileNameTemplate: '{{citekey}}',
  noteTemplatePath: '',
  dateFormat: 'yyyy-MM-dd HH:mm:ss',
  categories: Object.freeze(['Papers']) as unknown as string[],
  summarySource: 'abstract',
  headingsLanguage: 'auto',
  autoSyncNotice: true,
  autoSyncDelayMs: 2000,
  conceptScopeFolders: Object.freeze([]) as unknown as string[],
  useBuiltinGlossary: true,
  linkInHeadings: false,
  ubiquitousConceptShare: 0.5,
  adoptedConceptSections: false,
  citationTemplate: '[@{{citekey}}]',
  citationTriggers: Object.freeze(['[@', '@@']) as unknown as string[],
  citedInSections: true,
  minExportRatio: 0.5,
  annotationColorLabels: Object.freeze({}) as Settings['annotationColorLabels'],
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    exportPaths: [...DEFAULT_SETTINGS.exportPaths],
    categories: [...DEFAULT_SETTINGS.categories],
    syncCollections: [...DEFAULT_SETTINGS.syncCollections],
    conceptScopeFolders: [...DEFAULT_SETTINGS.conceptScopeFolders],
    annotationColorLabels: { ...DEFAULT_SETTINGS.annotationColorLabels },
    citationTriggers: [...DEFAULT_SETTINGS.citationTriggers],
  };
}

type Raw = Record<string, unknown>;

function str(raw: Raw, key: keyof Settings, fallback: string): string {
  const v = raw[key];
  return typeof v === 'string' ? v : fallback;
}
function bool(raw: Raw, key: keyof Settings, fallback: boolean): boolean {
  const v = raw[key];
  return typeof v === 'boolean' ? v : fallback;
}
function num(raw: Raw, key: keyof Settings, fallback: number, min: number, max: number): number {
  const v = raw[key];
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}
function strList(raw: Raw, key: keyof Settings, fallback: string[]): string[] {
  const v = raw[key];
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((s) => s.trim()).filter(Boolean);
  return [...fallback];
}
/**
 * Collection names: a list, or text with one name per line (names may hold commas), trimmed, each once. A name
 * keeps its slashes: "Reading/MLLM" is a path.
 */
export function collectionNames(value: unknown, fallback: readonly string[]): string[] {
  const items = typeof value === 'string' ? value.split(/\r?\n/) : Array.isArray(value) ? value : null;
  if (items === null) return [...fallback];
  return [...new Set(items.filter((x): x is string => typeof x === 'string').map((n) => n.trim()).filter((n) => n !== ''))];
}
/** Citation triggers: a list (or text separated by spaces) of short strings without spaces, each once. */
export function triggerList(value: unknown, fallback: readonly string[]): string[] {
  const items = typeof value === 'string' ? value.split(/\s+/) : Array.isArray(value) ? value : null;
  if (items === null) return [...fallback];
  const triggers = items.filter((x): x is string => typeof x === 'string').map((t) => t.trim()).filter((t) => t !== '' && t.length <= 8 && !/\s/.test(t));
  return [...new Set(triggers)];
}
function oneOf<T extends string>(raw: Raw, key: keyof Settings, allowed: readonly T[], fallback: T): T {
  const v = raw[key];
  return allowed.includes(v as T) ? (v as T) : fallback;
}

/** Labels of known colours only, trimmed; anything else in the stored object is dropped. */
function colorLabels(raw: Raw): Partial<Record<AnnotationColorName, string>> {
  const v = raw.annotationColorLabels;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
  const out: Partial<Record<AnnotationColorName, string>> = {};
  for (const name of ANNOTATION_COLOR_NAMES) {
    const label = (v as Raw)[name];
    if (typeof label === 'string' && label.trim() !== '') out[name] = label.trim();
  }
  return out;
}

/** Version 0 (before versioning) named the export setting `bibPath` and the template `templatePath`. */
function migrateV0(raw: Raw): Raw {
  const out: Raw = { ...raw };
  if (out.exportPath === undefined && typeof out.bibPath === 'string') out.exportPath = out.bibPath;
  if (out.noteTemplatePath === undefined && typeof out.templatePath === 'string') out.noteTemplatePath = out.templatePath;
  delete out.bibPath;
  delete out.templatePath;
  return out;
}

/**
 * The export paths: the list of version 3 (trimmed, empty ones and repeats dropped), else the single `exportPath`
 * of older data (and of a hand-edited data.json that only has it).
 */
function exportPathList(raw: Raw, version: number): string[] {
  const list = raw.exportPaths;
  if (version >= 3 && Array.isArray(list)) {
    const paths = list.filter((x): x is string => typeof x === 'string').map((p) => p.trim()).filter(Boolean);
    return [...new Set(paths)];
  }
  const single = typeof raw.exportPath === 'string' ? raw.exportPath.trim() : '';
  return single === '' ? [] : [single];
}

/**
 * What is saved to data.json: the settings, plus `exportPath` (the first export) for an older version of the
 * plugin on another device of the vault, which knows only that key.
 */
export function settingsData(settings: Settings): Settings & { exportPath: string } {
  return { ...settings, exportPath: settings.exportPaths[0] ?? '' };
}

/** Turn whatever `loadData()` returned (null, old versions, hand-edited JSON) into complete, valid settings. */
export function normalizeSettings(data: unknown): Settings {
  let raw: Raw = data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...(data as Raw) } : {};
  const version = typeof raw.version === 'number' ? raw.version : 0;
  if (version < 1) raw = migrateV0(raw);
  const d = defaultSettings();
  const settings: Settings = {
    version: SETTINGS_VERSION,
    exportPaths: exportPathList(raw, version),
    syncCollections: collectionNames(raw.syncCollections, d.syncCollections),
    notesFolder: str(raw, 'notesFolder', d.notesFolder).trim() || d.notesFolder,
    conceptsFolder: str(raw, 'conceptsFolder', d.conceptsFolder).trim() || d.conceptsFolder,
    fileNameTemplate: str(raw, 'fileNameTemplate', d.fileNameTemplate).trim() || d.fileNameTemplate,
    noteTemplatePath: str(raw, 'noteTemplatePath', d.noteTemplatePath).trim(),
    dateFormat: str(raw, 'dateFormat', d.dateFormat) || d.dateFormat,
    categories: strList(raw, 'categories', d.categories),
    summarySource: oneOf(raw, 'summarySource', ['abstract', 'first-note'] as const, d.summarySource),
    headingsLanguage: oneOf(raw, 'headingsLanguage', ['auto', 'en', 'zh'] as const, d.headingsLanguage),
    autoSyncNotice: bool(raw, 'autoSyncNotice', d.autoSyncNotice),
    autoSyncDelayMs: num(raw, 'autoSyncDelayMs', d.autoSyncDelayMs, 200, 600000),
    conceptScopeFolders: strList(raw, 'conceptScopeFolders', d.conceptScopeFolders),
    useBuiltinGlossary: bool(raw, 'useBuiltinGlossary', d.useBuiltinGlossary),
    linkInHeadings: bool(raw, 'linkInHeadings', d.linkInHeadings),
    ubiquitousConceptShare: num(raw, 'ubiquitousConceptShare', d.ubiquitousConceptShare, 0.01, 1),
    adoptedConceptSections: bool(raw, 'adoptedConceptSections', d.adoptedConceptSections),
    citationTemplate: str(raw, 'citationTemplate', d.citationTemplate).trim() || d.citationTemplate,
    citationTriggers: triggerList(raw.citationTriggers, d.citationTriggers),
    citedInSections: bool(raw, 'citedInSections', d.citedInSections),
    minExportRatio: num(raw, 'minExportRatio', d.minExportRatio, 0, 1),
    annotationColorLabels: colorLabels(raw),
  };
  if (raw.adoptedConcepts !== undefined) settings.adoptedConcepts = strList(raw, 'adoptedConcepts', []);
  return settings;
}
