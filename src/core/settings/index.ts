/**
 * The settings shared by the plugin (data.json) and the CLI (the same file): their shape, defaults and migration,
 * and the checks of what a user types into the settings tab.
 */
export { DEFAULT_SETTINGS, defaultSettings, normalizeSettings, SETTINGS_VERSION, type HeadingsLanguage, type Settings, type SummarySource } from './settings';
export { dateFormatPreview, describeLibrary, hiddenFolderProblem, listInput, secondsInput, vaultPathInput, type Check } from './setting-inputs';
