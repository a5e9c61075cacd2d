/**
 * The status bar item: what `statusText` says about the library and the last sync. Clicking it syncs; the item and
 * its click are registered through the plugin, so both are released on unload.
 */
import type { Plugin } from 'obsidian';
import { statusText, statusTooltip, type StatusView } from '../../core/sync';

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
    // The standing problems in full on hover; clicking syncs, which says what is wrong in a notice.
    this.el.setAttr('aria-label', statusTooltip(view) ?? 'Sync Zotero library');
  }
}
