/**
 * A folder setting's row: the path normalised as Obsidian writes it, ".." refused, and spelled as the folder that
 * exists when only the case differs ("literature" is "Literature" on macOS and Windows, and a vault synced to them
 * must not get both), with a warning saying so. A hidden folder (the config folder above all) is refused.
 */
import { hiddenFolderProblem, vaultPathInput } from '../../core/settings';
import { ObsidianVault } from '../vault/obsidian-vault';
import { existingFolderCase } from '../vault/vault-folders';
import type { RowKit, SettingRow } from './setting-row';

/** Why a folder typed in another case becomes the existing one. */
export const SAME_FOLDER = 'names that differ only in case are the same folder on macOS and Windows.';

export function folderRow(kit: RowKit, key: 'notesFolder' | 'conceptsFolder', name: string, desc: string): SettingRow {
  return {
    key,
    name,
    desc,
    render: (setting) => {
      setting.addText((text) =>
        kit.typed(text).setValue(kit.settings[key]).onChange((value) => {
          const parsed = vaultPathInput(value, ObsidianVault.toVaultPath);
          if ('error' in parsed) return kit.invalid(setting, key, parsed.error);
          if (parsed.path === '') return kit.invalid(setting, key, 'Enter a folder name.');
          const hidden = hiddenFolderProblem(parsed.path, kit.app.vault.configDir);
          if (hidden !== null) return kit.invalid(setting, key, hidden);
          const folder = existingFolderCase(kit.app, parsed.path);
          if (folder.changed) {
            kit.messages.show(setting, { kind: 'warning', text: `Using the existing folder "${folder.path}": ${SAME_FOLDER}` });
          } else {
            const exists = kit.app.vault.getFolderByPath(folder.path) !== null;
            kit.messages.show(setting, exists ? null : { kind: 'ok', text: `"${folder.path}" does not exist yet; it is created when needed.` });
          }
          kit.saver.soon({ [key]: folder.path });
        }),
      );
    },
  };
}
