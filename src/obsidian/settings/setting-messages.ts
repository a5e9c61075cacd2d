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
  /** Bumped per check, so a slow check of an older path never overwrites a newer one. */
  private generation = 0;

  constructor(
    private readonly controller: PluginController,
    private readonly messages: SettingMessages,
  ) {}

  private get settings(): Readonly<Settings> {
    return this.controller.settings.settings;
  }

  /**
   * Save a typed export path, then check it. A vault path is normalised and spelled as the file that exists; on
   * desktop, an absolute path inside the vault is saved as a vault path, which the other devices can read too.
   * Never rejects.
   */
  async saveAndCheck(setting: Setting, value: string): Promise<void> {
    const trimmed = value.trim();
    let exportPath = this.controller.vaultPathOfExport(trimmed) ?? trimmed;
    const madeVaultPath = exportPath !== trimmed;
    if (!isAbsoluteExportPath(exportPath)) {
      const parsed = vaultPathInput(exportPath, ObsidianVault.toVaultPath);
      if ('error' in parsed) return this.messages.show(setting, { kind: 'error', text: parsed.error });
      exportPath = parsed.path === '' ? '' : existingFileCase(this.controller.app, parsed.path).path;
    }
    await attempt(this.controller.notices, 'Saving the settings', () => this.controller.settings.update({ exportPath }));
    await this.check(setting, madeVaultPath ? `Saved as "${exportPath}", its path inside the vault, which every device can read. ` : '');
  }

  /** Read the export (through the library cache: no second parse) and say what it is, after `lead`. */
  async check(setting: Setting, lead = ''): Promise<void> {
    const id = ++this.generation;
    const path = this.settings.exportPath;
    if (path === '') return this.messages.show(setting, { kind: 'warning', text: 'Not set yet.' });
    if (this.controller.exportOnAnotherComputer()) return this.messages.show(setting, { kind: 'error', text: EXPORT_ON_ANOTHER_COMPUTER });
    this.messages.show(setting, { kind: 'ok', text: `${lead}Checking…` });
    let check: Check;
    try {
      check = describeLibrary(await this.controller.loadLibrary());
    } catch (err) {
      check = { kind: 'error', text: errorMessage(err) };
    }
    if (id === this.generation) this.messages.show(setting, { ...check, text: lead + check.text });
  }
}
