/**
 * An export file's bytes → its text. Better BibTeX writes UTF-8, but Zotero's export dialog offers other character
 * sets, and files that passed through JabRef or Mendeley carry a `% Encoding:` header. Text decoded wrongly would be
 * written into notes as mojibake, so:
 * - a byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE);
 * - else a JabRef/Mendeley `% Encoding: windows-1252` header near the top is honoured;
 * - else the bytes must be valid UTF-8; if they are not, they are read as Windows-1252 (the usual culprit, and a
 *   superset of Latin-1) with one warning naming the file;
 * - a U+FFFD replacement character in the text (already lost before the plugin read it) is always reported.
 */

/** The export file's content: its raw bytes (best: see above), or its text when only that is at hand. */
export type ExportContent = string | Uint8Array;

export interface DecodedExport {
  text: string;
  /** Things the user should know about the file's encoding, each naming the file. */
  warnings: string[];
}

// JabRef writes Java charset names; TextDecoder wants WHATWG labels.
const JAVA_NAMES: Readonly<Record<string, string>> = {
  utf8: 'utf-8', cp1252: 'windows-1252', iso8859_1: 'iso-8859-1', iso8859_15: 'iso-8859-15', cp1250: 'windows-1250',
  cp1251: 'windows-1251', usascii: 'us-ascii', macroman: 'macintosh', utf16: 'utf-16le',
};

const ENCODING_HEADER = /^%\s*Encoding\s*:\s*([A-Za-z0-9_.:-]+)/m;

function decoderFor(label: string): TextDecoder | null {
  const key = label.toLowerCase().replace(/[-\s]/g, '');
  try {
    return new TextDecoder(JAVA_NAMES[key] ?? label);
  } catch {
    return null;
  }
}

/** The export's text and the warnings about its encoding; `name` (its path) is used in the warnings. */
export function decodeExport(content: ExportContent, name?: string): DecodedExport {
  return typeof content === 'string' ? { text: content, warnings: replacementWarnings(content, name) } : decodeExportBytes(content, name);
}

/** Decode an export's bytes; `name` (the file's path or name) is used in warnings. */
export function decodeExportBytes(bytes: Uint8Array, name = 'the export'): DecodedExport {
  const warnings: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else text = decodeByHeaderOrUtf8(bytes, name, warnings);
  warnings.push(...replacementWarnings(text, name));
  return { text, warnings };
}

function decodeByHeaderOrUtf8(bytes: Uint8Array, name: string, warnings: string[]): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(start, start + 2048));
  const declared = ENCODING_HEADER.exec(head)?.[1];
  if (declared !== undefined) {
    const decoder = decoderFor(declared);
    if (decoder && decoder.encoding !== 'utf-8') return decoder.decode(bytes.subarray(start));
    if (!decoder) warnings.push(`${name} declares the encoding "${declared}", which is not supported here; it was read as UTF-8`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    warnings.push(
      `${name} is not valid UTF-8; it was read as Windows-1252 (Western European). If accented letters look wrong, ` +
        'export it again with the UTF-8 character set.',
    );
    return new TextDecoder('windows-1252').decode(bytes.subarray(start));
  }
}

/** A warning when `text` holds U+FFFD: characters were lost before it was read, and notes would show "�". */
export function replacementWarnings(text: string, name = 'the export'): string[] {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return [];
  let count = 0;
  for (let i = at; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  const line = text.slice(0, at).split('\n').length;
  return [
    `${name} contains ${count} unreadable character${count === 1 ? '' : 's'} (shown as �, first on line ${line}): the file was ` +
      'not saved or read in its real encoding. Export it again with the UTF-8 character set.',
  ];
}
