/**
 * Messages under a setting's description (validation errors, previews, what the export file holds), and the check
 * of the export path, which reads the file through the library cache and may be slow.
 */
import { Platform, type Setting } from 'obsidian';
import { isAbsoluteExportPath } from '../../core/export';
import { describeLibrary, vaultPathInput, type Settings, type Check } from '../../core/settings';
import { ObsidianVault } from '../vault/obsidian-vault';
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

  /** Save a typed export path (normalised when it is a vault path), then check it. Never rejects. */
  async saveAndCheck(setting: Setting, value: string): Promise<void> {
    const trimmed = value.trim();
    let exportPath = trimmed;
    if (!isAbsoluteExportPath(trimmed)) {
      const parsed = vaultPathInput(trimmed, ObsidianVault.toVaultPath);
      if ('error' in parsed) return this.messages.show(setting, { kind: 'error', text: parsed.error });
      exportPath = parsed.path;
    }
    await attempt('Saving the settings', () => this.controller.settings.update({ exportPath }));
    await this.check(setting);
  }

  /** Read the export (through the library cache: no second parse) and say what it is. */
  async check(setting: Setting): Promise<void> {
    const id = ++this.generation;
    const path = this.settings.exportPath;
    if (path === '') return this.messages.show(setting, { kind: 'warning', text: 'Not set yet.' });
    if (isAbsoluteExportPath(path) && !Platform.isDesktopApp) {
      return this.messages.show(setting, { kind: 'error', text: 'Only the desktop app can read a file outside the vault. Use a vault path here.' });
    }
    this.messages.show(setting, { kind: 'ok', text: 'Checking…' });
    let check: Check;
    try {
      check = describeLibrary(await this.controller.loadLibrary());
    } catch (err) {
      check = { kind: 'error', text: errorMessage(err) };
    }
    if (id === this.generation) this.messages.show(setting, check);
  }
}
