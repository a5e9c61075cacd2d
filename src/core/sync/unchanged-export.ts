/**
 * The unchanged-export fast path. A sync is skipped without parsing the export when its fingerprint is the one of
 * the last clean full sync (no conflicts, no errors), the render inputs (template, language, settings the renderer
 * reads) and the collections the sync is limited to (sync-scope.ts) are the same, and every note the state knows is
 * still at its recorded path. Two tiers:
 *
 * 1. The state's head alone (`StoredSyncState.head`): the notes folder's listing is exactly what the last sync
 *    left (same fingerprint), so every note is still there. Parses a few hundred bytes of the state.
 * 2. Otherwise the whole state: each recorded note is looked up in the listing (a note moved out of the notes
 *    folder is checked with `exists`). An unrelated note added to the folder lands here.
 *
 * Not looked at, by design: hand edits inside notes (a sync never touches a note whose paper did not change), and
 * a note whose front matter the user rewrote to another citekey. A note deleted or moved by the user fails the
 * check, so the full sync runs and recreates (deleted) or finds (moved) it.
 */
import type { Settings } from '../settings/settings';
import { isInFolder } from '../vault/vault-path';
import type { VaultPort } from '../vault/vault-port';
import { listingFingerprint, type NoteSyncState, type SyncState, type SyncStateHead } from './sync-state';

/**
 * Whether another device has synced this very export (same fingerprint) already. An automatic sync then leaves it:
 * the notes that device wrote reach this one through the vault's sync, maybe after its state file, and syncing
 * again here before they arrive would write the same notes twice (conflict copies under iCloud or Syncthing, and a
 * different import date per device). Whatever that sync left (conflicts, errors) is that device's to report.
 */
export function syncedByAnotherDevice(head: SyncStateHead | null, exportHash: string, device: string | undefined, scope = ''): boolean {
  const last = head?.lastExport;
  return !!device && !!last?.device && last.device !== device && last.exportHash === exportHash && (last.scope ?? '') === scope;
}

export class UnchangedExportCheck {
  private listing: Promise<string[]> | null = null;

  constructor(
    private readonly vault: VaultPort,
    private readonly settings: Settings,
    private readonly exportHash: string,
    private readonly renderKey: string,
    /** The scope's key (sync-scope.ts scopeKey): '' for the whole library. */
    private readonly scope = '',
  ) {}

  private notesListing(): Promise<string[]> {
    this.listing ??= this.vault.list(this.settings.notesFolder, '.md');
    return this.listing;
  }

  /** Whether the head says so: same export, same renderer, clean, and the notes folder exactly as left. */
  async byHead(head: SyncStateHead | null): Promise<boolean> {
    const last = head?.lastExport;
    if (!head || !last || !this.sameInputs(head) || last.notesListing === '') return false;
    return listingFingerprint(await this.notesListing()) === last.notesListing;
  }

  /** Whether the whole state says so: same inputs, and every recorded note still where it was. */
  async byState(state: SyncState | null): Promise<boolean> {
    if (!state || !this.sameInputs(state)) return false;
    return this.notesInPlace(state, () => true);
  }

  /** Whether every note `which` picks (papers not flagged as removed) is still at its recorded path. */
  async notesInPlace(state: SyncState, which: (note: NoteSyncState) => boolean): Promise<boolean> {
    const folder = this.settings.notesFolder;
    const listed = new Set(await this.notesListing());
    for (const note of Object.values(state.notes)) {
      if (note.removed !== undefined || !which(note)) continue;
      if (isInFolder(note.path, folder) ? !listed.has(note.path) : !(await this.vault.exists(note.path))) return false;
    }
    return true;
  }

  private sameInputs(head: SyncStateHead): boolean {
    const last = head.lastExport;
    return last !== null && last.clean && last.exportHash === this.exportHash && head.renderKey === this.renderKey && (last.scope ?? '') === this.scope;
  }
}
