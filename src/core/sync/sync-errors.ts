/**
 * What kind of failure a sync's error is, for the shells to decide what to do with it: say it as one line (a
 * refusal), or try again once the export settles (an automatic sync). Errors are told apart by name, so this light
 * module (the front door loads it with the plugin) does not import the lazily loaded core modules that define them.
 */

/**
 * A sync refused before it wrote anything: a half-written, unreadable or shrunken export, a bad template or date
 * format, another sync holding the lock. The CLI prints these as one line (exit code 2); anything else is a bug.
 */
export function isSyncRefusal(err: unknown): err is Error {
  return err instanceof Error && ['SyncAbortedError', 'TemplateError', 'DateFormatError', 'SyncLockedError'].includes(err.name);
}

/**
 * The sync core says the export was half written (or empty), or another run (the CLI) holds the sync lock: worth
 * another try once it settles, without a word from an automatic sync.
 */
export function isIncompleteExportError(err: unknown): boolean {
  const e = err as { name?: string; reason?: string } | null;
  if (e?.name === 'SyncLockedError') return true;
  if (e?.name === 'SyncAbortedError') return e.reason === 'truncated' || e.reason === 'unreadable' || e.reason === 'empty';
  return e?.name === 'UnrecognizedExportError' || e?.name === 'UnreadableExportError';
}
