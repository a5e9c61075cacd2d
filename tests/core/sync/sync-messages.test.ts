import { describeSyncError, emptySyncSummary as emptySummary, formatSyncSummary, summaryIsNoteworthy } from '../../../src/core/sync';

describe('sync summary', () => {
  it('counts every outcome and names conflicting notes and failed papers', () => {
    const text = formatSyncSummary(
      emptySummary({
        created: ['a'],
        updated: ['b', 'c'],
        unchanged: 1200,
        conflicts: ['Literature/x.md', 'Literature/y.md', 'Literature/z.md', 'Literature/w.md'],
        errors: [{ citekey: 'bad', path: null, message: 'no title' }],
      }),
    );
    expect(text).toBe(
      'Library synced: 1 created, 2 updated, 1,200 unchanged, 4 conflicts, 1 error.\n' +
        'Your edits were kept in: Literature/x.md, Literature/y.md, Literature/z.md and 1 more\n' +
        'Not synced: bad (no title)',
    );
  });

  it('stays quiet for an automatic sync that changed nothing', () => {
    expect(summaryIsNoteworthy(emptySummary({ unchanged: 5 }))).toBe(false);
    expect(summaryIsNoteworthy(emptySummary({ skipped: true }))).toBe(false);
    expect(summaryIsNoteworthy(emptySummary({ updated: ['a'] }))).toBe(true);
    // A damaged state is worth a notice even when nothing else happened (the automatic sync is otherwise quiet).
    expect(summaryIsNoteworthy(emptySummary({ unchanged: 5, stateDamaged: true }))).toBe(true);
    expect(formatSyncSummary(emptySummary({ unchanged: 5, readOnly: ['Literature/mine.md'] }))).toBe(
      'Library synced: 0 created, 0 updated, 5 unchanged, 0 conflicts, 0 errors, 1 read-only.\nRead-only, left alone: Literature/mine.md',
    );
    expect(formatSyncSummary(emptySummary({ skipped: true }))).toBe('Library synced: the export has not changed since the last sync.');
  });
});

describe('more sync words', () => {
  it('counts flagged notes and adds the warnings', () => {
    const text = formatSyncSummary(emptySummary({ unchanged: 3, flagged: ['Literature/gone.md'], warnings: ['citekey "x" is in two notes'] }));
    expect(text).toBe(
      'Library synced: 0 created, 0 updated, 3 unchanged, 0 conflicts, 0 errors, 1 flagged.\n' +
        'No longer in the export (flagged, not deleted): Literature/gone.md\n' +
        'citekey "x" is in two notes',
    );
    expect(summaryIsNoteworthy(emptySummary({ flagged: ['a'] }))).toBe(true);
    expect(summaryIsNoteworthy(emptySummary({ unchanged: 3, warnings: ['w'] }))).toBe(false);
  });

  it('explains a bad template or date format, and says nothing was written', () => {
    const template = Object.assign(new Error('Templates/paper.md, line 4: unknown variable "autorString"'), { name: 'TemplateError' });
    expect(describeSyncError(template)).toBe('The note template has an error (Templates/paper.md, line 4: unknown variable "autorString"). Nothing was written.');
    const date = Object.assign(new Error('Invalid date format "YYYY" (date-fns tokens): use yyyy'), { name: 'DateFormatError' });
    expect(describeSyncError(date)).toBe('Invalid date format "YYYY" (date-fns tokens): use yyyy. Nothing was written; fix the date format in the settings.');
    expect(describeSyncError(new Error('disk full'))).toBe('Sync failed: disk full');
  });
});
