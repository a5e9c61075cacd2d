/**
 * The settings shared by the plugin (data.json) and the CLI (the same file): their shape, defaults and migration,
 * the settings of one device (kept out of data.json), and the checks of what a user types into the settings tab.
 */
export { collectionNames, DEFAULT_SETTINGS, defaultSettings, normalizeSettings, SETTINGS_VERSION, settingsData, triggerList, type HeadingsLanguage, type Settings, type SummarySource } from './settings';
export { autoSyncOnDevice, legacyAutoSyncChoice, storedChoice, type DeviceFacts } from './device-settings';
export { colorLabelsInput, colorLabelsText, dateFormatPreview, describeLibrary, hiddenFolderProblem, listInput, secondsInput, vaultPathInput, type Check } from './setting-inputs';
