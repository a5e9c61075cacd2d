/**
 * Messages under a setting's description (validation errors, previews, what the export file holds), and the check
 * of the export path, which reads the file through the library cache and may be slow.
 */
import type { Setting } from 'obsidian';
import { EXPORT_ON_ANOTHER_COMPUTER, isAbsoluteExportPath } from '../../core/export';
import { describeLibrary, vaultPathInput, type Settings, type Check } from '../../core/settings';
import { ObsidianVault } from '../vault/obsidian-vault';
import { existingFileCase } from '../vault/vault-folders';
import { attempt } from '../plugin/attempt';
import type { PluginController } from '../plugin/plugin-controller';
import { errorMessage } from '../../core/text';

export class SettingMessages {
  private readonly els = new WeakMap<Setting, HTMLElement>();

  /** Show a message under a setting's description, replacing the previous one (null clears it). */
  show(setting: Setting, check: Check | null): void {
    let el = this.els.get(setting);
    if (!el) {
      el = setting.descEl.createDiv({ cls: 'zotero-concept-notes-setting-message' });
      this.els.set(setting, el);
    }
    el.setText(check?.text ?? '');
    el.toggleClass('mod-warning', check?.kind === 'warning' || check?.kind === 'error');
  }
}

export class ExportPathCheck {
  /** Bumped per check of each row, so a slow check of an older path never overwrites a newer one. */
  private readonly generations = new Map<number, number>();

  constructor(
    private readonly controller: PluginController,
    private readonly messages: SettingMessages,
    /** The list got an export (typed in the empty row at its end) or lost one (a row emptied): rows to redraw. */
    private readonly listChanged: (change: 'added' | 'removed') => void = () => undefined,
  ) {}

  private get settings(): Readonly<Settings> {
    return this.controller.settings.settings;
  }

  /**
   * Save the export path typed in row `index` (a row past the list adds an export; an emptied row removes its
   * export), then check it. A vault path is normalised and spelled as the file that exists; on desktop, an absolute
   * path inside the vault is saved as a vault path, which the other devices can read too. Never rejects.
   */
  async saveAndCheck(setting: Setting, index: number, value: string): Promise<void> {
    const trimmed = value.trim();
    let exportPath = this.controller.vaultPathOfExport(trimmed) ?? trimmed;
    const madeVaultPath = exportPath !== trimmed;
    if (!isAbsoluteExportPath(exportPath)) {
      const parsed = vaultPathInput(exportPath, ObsidianVault.toVaultPath);
      if ('error' in parsed) return this.messages.show(setting, { kind: 'error', text: parsed.error });
      exportPath = parsed.path === '' ? '' : existingFileCase(this.controller.app, parsed.path).path;
    }
    const paths = [...this.settings.exportPaths];
    if (exportPath !== '' && paths.some((p, i) => p === exportPath && i !== index)) {
      return this.messages.show(setting, { kind: 'error', text: 'This export is in the list already.' });
    }
    if (exportPath === paths[index]) return this.check(setting, index);
    if (exportPath === '') paths.splice(index, 1);
    else if (index < paths.length) paths[index] = exportPath;
    else paths.push(exportPath);
    const before = this.settings.exportPaths.length;
    await attempt(this.controller.notices, 'Saving the settings', () => this.controller.settings.update({ exportPaths: paths }));
    if (this.settings.exportPaths.length !== before) this.listChanged(this.settings.exportPaths.length > before ? 'added' : 'removed');
    if (this.settings.exportPaths.length < before) return;
    await this.check(setting, index, madeVaultPath ? `Saved as "${exportPath}", its path inside the vault, which every device can read. ` : '');
  }

  /** Remove the export of row `index` from the list. Never rejects. */
  async remove(index: number): Promise<void> {
    const paths = this.settings.exportPaths.filter((_, i) => i !== index);
    if (paths.length === this.settings.exportPaths.length) return;
    await attempt(this.controller.notices, 'Saving the settings', () => this.controller.settings.update({ exportPaths: paths }));
  }

  /** Read the export of row `index` (through its library cache: no second parse) and say what it is, after `lead`. */
  async check(setting: Setting, index: number, lead = ''): Promise<void> {
    const id = (this.generations.get(index) ?? 0) + 1;
    this.generations.set(index, id);
    const path = this.settings.exportPaths[index];
    if (path === undefined) return this.messages.show(setting, { kind: 'warning', text: 'Not set yet.' });
    const location = this.controller.exports.locate(path);
    if (this.controller.exports.unreachable(location)) return this.messages.show(setting, { kind: 'error', text: EXPORT_ON_ANOTHER_COMPUTER });
    this.messages.show(setting, { kind: 'ok', text: `${lead}Checking…` });
    let check: Check;
    try {
      const cache = location.kind === 'unset' ? undefined : this.controller.library.cache(location.path);
      if (!cache) throw new Error('This export path is not valid.');
      check = describeLibrary(await cache.load());
    } catch (err) {
      check = { kind: 'error', text: errorMessage(err) };
    }
    if (id === this.generations.get(index)) this.messages.show(setting, { ...check, text: lead + check.text });
  }
}
