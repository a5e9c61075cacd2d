/**
 * How the settings tab saves. What is typed in a text field is saved once the typing pauses, when the field loses
 * focus and when the tab closes, never on every keystroke: an automatic sync that starts while the user types
 * "Literature" must not write notes into "Lit". Toggles, dropdowns and sliders save at once. A save that fails
 * becomes a notice, never an unhandled rejection.
 */
import { debounce, type Debouncer } from 'obsidian';
import type { Settings } from '../../core/settings';
import { attempt } from '../plugin/attempt';
import type { Notices } from '../plugin/notices';
import type { PluginSettingsStore } from './settings-store';

/** Quiet time after the last keystroke before a typed setting is saved. */
export const TYPING_SAVE_DELAY_MS = 800;

export class SettingsSaver {
  private pending: Partial<Settings> = {};
  private readonly saveSoon: Debouncer<[], void>;

  constructor(
    private readonly store: Pick<PluginSettingsStore, 'update'>,
    private readonly notices: Notices,
  ) {
    this.saveSoon = debounce(() => void this.flush(), TYPING_SAVE_DELAY_MS, true);
  }

  /** Save now (a toggle, a dropdown, a slider), with whatever typed value is still waiting. Never rejects. */
  now(patch: Partial<Settings>): Promise<void> {
    this.pending = { ...this.pending, ...patch };
    return this.flush();
  }

  /** Save once the typing pauses. */
  soon(patch: Partial<Settings>): void {
    this.pending = { ...this.pending, ...patch };
    this.saveSoon();
  }

  /** The field now holds an invalid value: the valid one typed before it is not saved either. */
  drop(key: keyof Settings): void {
    delete this.pending[key];
  }

  /** Save what is waiting, now (a field lost focus, the tab closed). Never rejects. */
  async flush(): Promise<void> {
    this.saveSoon.cancel();
    const patch = this.pending;
    this.pending = {};
    if (Object.keys(patch).length === 0) return;
    await attempt(this.notices, 'Saving the settings', () => this.store.update(patch));
  }

  /** Save what is waiting whenever `input` loses focus. */
  flushOnBlur(input: HTMLElement): void {
    input.addEventListener('blur', () => void this.flush());
  }
}
