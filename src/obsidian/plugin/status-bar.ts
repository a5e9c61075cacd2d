/**
 * The status bar item: what `statusText` says about the library and the last sync. Clicking it syncs; the item and
 * its click are registered through the plugin, so both are released on unload.
 */
import type { Plugin } from 'obsidian';
import { statusText, type StatusView } from '../../core/sync';

export class StatusBar {
  private readonly el: HTMLElement;

  constructor(plugin: Plugin, onClick: () => void) {
    this.el = plugin.addStatusBarItem();
    this.el.addClass('zotero-concept-notes-status', 'mod-clickable');
    this.el.setAttr('aria-label', 'Sync Zotero library');
    plugin.registerDomEvent(this.el, 'click', onClick);
  }

  render(view: StatusView): void {
    this.el.setText(statusText(view));
  }
}
