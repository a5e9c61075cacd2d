/**
 * The rows of "Export from Zotero" and "Sync". The export files are a list (a personal library, a group library…):
 * each checked as it is typed (an absolute path inside the vault stored as a vault path), added and removed as list
 * items. Then the collections to sync (collection-row.ts), whether this device syncs when an export changes (kept per device, with the standing problems of
 * automatic runs under it), the notice after an automatic sync, the wait, and the shrink guard.
 */
import { debounce, type Setting } from 'obsidian';
import { secondsInput } from '../../core/settings';
import type { Problem } from '../../core/sync';
import { collectionRow } from './collection-row';
import type { RowKit, SettingRow, SettingSection } from './setting-row';

const FIRST_EXPORT_DESC =
  'Absolute path of the Better BibTeX export (.bib, .json or .yaml), or its path inside the vault, which every device of the vault can read. In Zotero, export the library with "Keep updated" on; choose BetterBibTeX JSON with "Export notes" to bring your annotations and Zotero notes. Zotero does not update an "Add Note from Annotations" note when you annotate more: delete it and add it again.';
const MORE_EXPORT_DESC =
  'Another library (a group library, say), exported the same way, in any of the formats. A citation key found in two exports is synced from the one listed first, and reported.';

/** The export files, one row each (one empty row when none is set), plus the empty row the user just added. */
export function exportFileSection(kit: RowKit): SettingSection {
  const paths = kit.settings.exportPaths;
  const count = Math.max(1, paths.length + (kit.exportList.adding ? 1 : 0));
  const rows = Array.from({ length: count }, (_, i): SettingRow => exportFileRow(kit, i));
  return {
    heading: 'Export from Zotero',
    rows,
    list: {
      addName: 'Add another export',
      add: () => {
        if (paths.length === 0 || kit.exportList.adding) return;
        kit.exportList.adding = true;
        kit.refresh();
      },
      remove: (index) => {
        if (index >= paths.length) kit.exportList.adding = false; // the empty row added last: nothing saved yet
        void kit.exportCheck.remove(index).then(() => kit.refresh());
      },
    },
  };
}

function exportFileRow(kit: RowKit, index: number): SettingRow {
  return {
    key: 'exportPaths',
    name: index === 0 ? 'Export file' : `Export file ${index + 1}`,
    desc: index === 0 ? FIRST_EXPORT_DESC : MORE_EXPORT_DESC,
    render: (setting) => {
      const check = debounce((value: string) => void kit.exportCheck.saveAndCheck(setting, index, value), 600, true);
      setting.addText((text) => {
        text.setPlaceholder(index === 0 ? 'Zotero/library.bib' : 'Zotero/group library.json').setValue(kit.settings.exportPaths[index] ?? '').onChange(check);
        text.inputEl.addEventListener('blur', () => void check.run());
      });
      void kit.exportCheck.check(setting, index);
      return () => void check.run();
    },
  };
}

export function syncRows(kit: RowKit): SettingRow[] {
  return [
    collectionRow(kit),
    {
      key: 'autoSyncOnThisDevice',
      name: 'Sync when the export changes, on this device',
      desc: 'Each computer and phone decides for itself (this is not synced with the vault): let one device sync, and the notes reach the others through the vault. Off by default on phones and tablets.',
      render: (setting) => {
        setting.addToggle((toggle) => {
          void kit.controller.autoSyncEnabled().then((on) => toggle.setValue(on));
          toggle.onChange((on) => kit.controller.device.setAutoSyncChoice(on));
        });
        const showProblems = (problems: readonly Problem[]) => kit.messages.show(setting, automaticRunsMessage(kit, problems));
        showProblems(kit.controller.problems.list);
        return kit.controller.problems.onChange(showProblems);
      },
    },
    {
      key: 'autoSyncNotice',
      name: 'Notice after an automatic sync',
      desc: 'Say in a short notice when an automatic sync created notes or found a conflict. Otherwise automatic syncs are silent; their problems show in the status bar and here.',
      render: (setting) =>
        void setting.addToggle((toggle) => toggle.setValue(kit.settings.autoSyncNotice).onChange((autoSyncNotice) => kit.save({ autoSyncNotice }))),
    },
    {
      key: 'autoSyncDelayMs',
      name: 'Wait after a change (seconds)',
      desc: 'Quiet time after the export last changed before the automatic sync starts.',
      render: (setting: Setting) => {
        setting.addText((text) =>
          kit.typed(text).setValue(String(kit.settings.autoSyncDelayMs / 1000)).onChange((value) => {
            const parsed = secondsInput(value);
            if ('error' in parsed) return kit.invalid(setting, 'autoSyncDelayMs', parsed.error);
            kit.messages.show(setting, null);
            kit.saver.soon({ autoSyncDelayMs: parsed.ms });
          }),
        );
      },
    },
    {
      key: 'minExportRatio',
      name: 'Stop when the export shrinks',
      desc: 'Refuse to sync when the export holds fewer than this share (%) of the papers of the last sync: a half-written or wrong file. Set it to 0 to turn the check off.',
      render: (setting) =>
        void setting.addSlider((slider) =>
          slider
            .setLimits(0, 100, 5)
            .setValue(Math.round(kit.settings.minExportRatio * 100))
            .onChange((percent) => kit.save({ minExportRatio: percent / 100 })),
        ),
    },
  ];
}

/** Under the automatic sync switch: why nothing syncs here (phone), or what the automatic runs left unresolved. */
function automaticRunsMessage(kit: RowKit, problems: readonly Problem[]) {
  if (kit.controller.exportOnAnotherComputer()) return { kind: 'warning' as const, text: 'Nothing syncs on this device: the export files are paths on a computer.' };
  const shown = problems.filter((p) => p.kind !== 'export'); // the export file's own row says what is wrong with it
  return shown.length === 0 ? null : { kind: 'warning' as const, text: shown.map((p) => p.message).join('\n') };
}
