/**
 * The `obsidian` module under jest (jest.config.js maps `obsidian` here; the npm package is types only).
 *
 * Purpose: run the real plugin code (src/obsidian) in Node, against an in-memory vault, and let tests look at
 * what it did: commands and ribbon icons it added, notices it showed, files it wrote, listeners it left behind.
 *
 * Rules, as in obsidian-git's tests/README:
 * - Grow on demand. Add a symbol only when code under test uses it, and only the behaviour that code relies on.
 * - Every fake links to the real API page and says where it differs. Where the real behaviour is undocumented,
 *   the fake is the stricter choice (e.g. `Vault.process` always writes; `create` needs the parent folder).
 * - "Mock only" members (test helpers such as `simulateChange`, `triggerLayoutReady`, `writes`) are marked so.
 * - Pure logic is tested without the mock; this is for the glue in src/obsidian.
 *
 * The parts live in tests/support/obsidian-mock/ (kept small by responsibility); import helpers in tests from
 * this module by path (`../__mocks__/obsidian`), so they are the same instances the plugin code sees.
 */

// Obsidian code uses `window.setTimeout` and friends; jest runs in Node, where the window is the global object.
if (typeof (globalThis as { window?: unknown }).window === 'undefined') {
  (globalThis as { window?: unknown }).window = globalThis;
}

export { MockElement, setIcon } from '../support/obsidian-mock/dom';
export type { MockElementInfo, MockEvent } from '../support/obsidian-mock/dom';
export { Events } from '../support/obsidian-mock/events';
export type { EventRef } from '../support/obsidian-mock/events';
export { MockDataAdapter } from '../support/obsidian-mock/data-adapter';
export { TAbstractFile, TFile, TFolder, Vault } from '../support/obsidian-mock/vault';
export type { FileStats } from '../support/obsidian-mock/vault';
export { App, createMockApp, DeferredView, FileManager, MarkdownView, MetadataCache, Workspace, WorkspaceLeaf } from '../support/obsidian-mock/app';
export type { CachedMetadata, MarkdownFileInfo } from '../support/obsidian-mock/app';
export { Editor } from '../support/obsidian-mock/editor';
export type { EditorChange, EditorPosition, EditorTransaction } from '../support/obsidian-mock/editor';
export { Component, Plugin } from '../support/obsidian-mock/plugin';
export type { Command, PluginManifest, RibbonIcon } from '../support/obsidian-mock/plugin';
export {
  ButtonComponent,
  DropdownComponent,
  PluginSettingTab,
  Setting,
  settingsIn,
  SliderComponent,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
} from '../support/obsidian-mock/settings-ui';
export { SettingsScreen } from '../support/obsidian-mock/settings-screen';
export type { SettingsRenderer } from '../support/obsidian-mock/settings-screen';
export {
  allNoticeMessages,
  FuzzySuggestModal,
  Modal,
  Notice,
  noticeMessages,
  openedModals,
  prepareFuzzySearch,
  resetUiLog,
  SuggestModal,
  visibleNotices,
} from '../support/obsidian-mock/ui';
export type { FuzzyMatch, Instruction, SearchResult } from '../support/obsidian-mock/ui';
export { EditorSuggest } from '../support/obsidian-mock/editor-suggest';
export type { EditorSuggestContext, EditorSuggestTriggerInfo } from '../support/obsidian-mock/editor-suggest';
export { debounce, getLanguage, normalizePath, Platform, setMockLanguage, setMockPlatform } from '../support/obsidian-mock/functions';
export type { Debouncer } from '../support/obsidian-mock/functions';
