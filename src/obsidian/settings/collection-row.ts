/**
 * The "Collections to sync" row of "Export from Zotero": one collection per line (names may hold commas), checked
 * against the library as it is typed: how many papers are in scope, which names are no collection of the export.
 */
import type { Setting } from 'obsidian';
import { collectionNames } from '../../core/settings';
import { describeScope } from '../../core/sync';
import { errorMessage } from '../../core/text';
import type { RowKit, SettingRow } from './setting-row';

/** Check `names` against the library (loading it if needed); nothing is shown once something newer was typed. */
async function checkScope(kit: RowKit, setting: Setting, names: readonly string[], current: () => boolean): Promise<void> {
  if (!kit.controller.exportsSet() || kit.controller.exportOnAnotherComputer()) {
    // The export files' own rows say what is wrong with them.
    return kit.messages.show(setting, names.length === 0 ? null : { kind: 'warning', text: 'Checked once the export file can be read.' });
  }
  try {
    const library = await kit.controller.loadLibrary();
    if (current()) kit.messages.show(setting, describeScope(library, names, kit.settings.exportPaths));
  } catch (err) {
    if (current()) kit.messages.show(setting, { kind: 'warning', text: `Not checked: ${errorMessage(err)}` });
  }
}

export function collectionRow(kit: RowKit): SettingRow {
  return {
    key: 'syncCollections',
    name: 'Collections to sync',
    desc: 'Sync only the papers of these Zotero collections, subcollections included: one per line, by its name ("MLLM") or its path ("Reading/MLLM"). Leave empty to sync the whole library. Other papers are left alone, their notes too; "Import paper" still imports any paper. Needs an export that carries collections: BetterBibTeX JSON, or a .bib with JabRef groups.',
    render: (setting) => {
      let generation = 0;
      setting.addTextArea((text) =>
        kit.typed(text).setPlaceholder('Thesis').setValue(kit.settings.syncCollections.join('\n')).onChange((value) => {
          const id = ++generation;
          const names = collectionNames(value, []);
          kit.saver.soon({ syncCollections: names });
          void checkScope(kit, setting, names, () => id === generation);
        }),
      );
      const checkSaved = () => {
        const id = ++generation;
        void checkScope(kit, setting, kit.settings.syncCollections, () => id === generation);
      };
      checkSaved();
      // Other export files: another library to check against.
      return kit.controller.settings.onChange((next, previous) => {
        if (next.exportPaths.join('\n') !== previous.exportPaths.join('\n')) checkSaved();
      });
    },
  };
}
