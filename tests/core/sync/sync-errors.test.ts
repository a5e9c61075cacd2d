/**
 * The shells decide what to do with a failed sync from its error's name (the modules that define the errors load
 * lazily): these are the real errors the core throws, told apart.
 */
import { UnreadableExportError, UnrecognizedExportError } from '../../../src/core/library';
import { DateFormatError } from '../../../src/core/notes/front-matter';
import { TemplateError } from '../../../src/core/notes/template';
import { isIncompleteExportError, isSyncRefusal } from '../../../src/core/sync';
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { SyncLockedError } from '../../../src/core/sync/sync-lock';

const aborted = (reason: SyncAbortedError['reason']) => new SyncAbortedError(reason, `stopped: ${reason}`);

describe('isIncompleteExportError: worth another try once the export settles', () => {
  it('is an export cut short, unreadable or empty, one not recognisable yet, or the lock another run holds', () => {
    expect(isIncompleteExportError(aborted('truncated'))).toBe(true);
    expect(isIncompleteExportError(aborted('unreadable'))).toBe(true);
    expect(isIncompleteExportError(aborted('empty'))).toBe(true);
    expect(isIncompleteExportError(new UnrecognizedExportError('not an export'))).toBe(true);
    expect(isIncompleteExportError(new UnreadableExportError('nothing could be read', 'unreadable'))).toBe(true);
    expect(isIncompleteExportError(new SyncLockedError(null, 'another sync is running'))).toBe(true);
  });

  it('is not a refusal that waiting does not cure, a bug, or something that is not an error', () => {
    expect(isIncompleteExportError(aborted('too-few-papers'))).toBe(false);
    expect(isIncompleteExportError(aborted('hidden-notes-folder'))).toBe(false);
    expect(isIncompleteExportError(new TemplateError('paper.md', 3, 'unknown helper'))).toBe(false);
    expect(isIncompleteExportError(new Error('disk full'))).toBe(false);
    expect(isIncompleteExportError(null)).toBe(false);
    expect(isIncompleteExportError(undefined)).toBe(false);
    expect(isIncompleteExportError('SyncLockedError')).toBe(false);
  });
});

describe('isSyncRefusal: stopped before writing anything, said in one line', () => {
  it('is an aborted sync, a bad template or date format, or the lock', () => {
    expect(isSyncRefusal(aborted('too-few-papers'))).toBe(true);
    expect(isSyncRefusal(new TemplateError('paper.md', 3, 'unknown helper'))).toBe(true);
    expect(isSyncRefusal(new DateFormatError('YYYY', 'use yyyy'))).toBe(true);
    expect(isSyncRefusal(new SyncLockedError(null, 'another sync is running'))).toBe(true);
  });

  it('is not any other error, nor an object that only carries such a name', () => {
    expect(isSyncRefusal(new Error('disk full'))).toBe(false);
    expect(isSyncRefusal(new UnrecognizedExportError('not an export'))).toBe(false);
    expect(isSyncRefusal({ name: 'SyncAbortedError', message: 'looks like one' })).toBe(false);
  });
});
