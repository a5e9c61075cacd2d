/**
 * The export as the sync receives it: text, or the file's raw bytes. Bytes let an unchanged export be recognised
 * without decoding 10 MB of UTF-8 (the slowest step of a no-change sync), and let a file that is not UTF-8 be
 * decoded correctly; the fingerprint is the same either way for a UTF-8 file, because it is always taken over the
 * UTF-8 bytes, so the plugin (text) and the CLI (bytes) share one sync state.
 */
import { decodeExport, type DecodedExport, type ExportContent } from '../library/decode-export';
import { hashBytes } from '../text/fingerprint';

export type { ExportContent };

const encoder = new TextEncoder();

/** The fingerprint of an export, the same for its text and for its UTF-8 bytes. */
export function exportFingerprint(content: ExportContent): string {
  return hashBytes(typeof content === 'string' ? encoder.encode(content) : content);
}

/** The export's text (bytes decoded by their byte-order mark, `% Encoding:` header or as UTF-8) and the encoding warnings. */
export function exportText(content: ExportContent, name?: string): DecodedExport {
  return decodeExport(content, name);
}
