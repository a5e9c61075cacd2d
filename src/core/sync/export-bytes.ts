/**
 * The export as the sync receives it: text, or the file's raw bytes. Bytes let an unchanged export be recognised
 * without decoding 10 MB of UTF-8 (the slowest step of a no-change sync); the fingerprint is the same either way,
 * because it is always taken over the UTF-8 bytes, so the plugin (text) and the CLI (bytes) share one sync state.
 */

/** The export file's content: its text, or its bytes (UTF-8). */
export type ExportContent = string | Uint8Array;

import { hashBytes } from '../text/fingerprint';

const encoder = new TextEncoder();

/** The fingerprint of an export, the same for its text and for its UTF-8 bytes. */
export function exportFingerprint(content: ExportContent): string {
  return hashBytes(typeof content === 'string' ? encoder.encode(content) : content);
}

/** The export's text (bytes decoded as UTF-8; a byte-order mark is dropped, as the reader would). */
export function exportText(content: ExportContent): string {
  return typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
}
