import { autoSyncNoticeText, describeSyncError, emptySyncSummary as emptySummary, formatSyncSummary, joinWarnings, syncProblemText } from '../../../src/core/sync';

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

  it('names an export that could not be read by its message alone, apart from the papers that failed', () => {
    const failed = { citekey: null, path: null, export: 'Zotero/group.json', message: "Zotero/group.json: The export ends in the middle of an entry. Its papers' notes were left as they are." };
    const summary = emptySummary({ updated: ['a'], errors: [failed, { citekey: 'bad', path: null, message: 'no title' }] });
    expect(formatSyncSummary(summary)).toBe(
      'Library synced: 0 created, 1 updated, 0 unchanged, 0 conflicts, 2 errors.\n' +
        "Not synced: Zotero/group.json: The export ends in the middle of an entry. Its papers' notes were left as they are., bad (no title)",
    );
    expect(syncProblemText(summary)).toBe(
      "The last sync could not read Zotero/group.json: The export ends in the middle of an entry. Its papers' notes were left as they are.\n" +
        'The last sync could not sync 1 paper: bad (no title)',
    );
  });

  it('says nothing after an automatic sync unless it created notes or found a conflict', () => {
    expect(autoSyncNoticeText(emptySummary({ unchanged: 5 }))).toBeNull();
    expect(autoSyncNoticeText(emptySummary({ skipped: true }))).toBeNull();
    expect(autoSyncNoticeText(emptySummary({ updated: ['a'], flagged: ['b'], warnings: ['w'] }))).toBeNull();
    expect(autoSyncNoticeText(emptySummary({ created: ['a', 'b'], updated: ['c'] }))).toBe('Zotero library synced: 2 notes created.');
    expect(autoSyncNoticeText(emptySummary({ created: ['a'], conflicts: ['Literature/x.md', 'Literature/y.md', 'Literature/z.md'] }))).toBe(
      'Zotero library synced: 1 note created, 3 conflicts (your edits were kept in Literature/x.md, Literature/y.md and 1 more).',
    );
    // A damaged state is worth a notice even when nothing else happened (the automatic sync is otherwise quiet).
    const damaged = 'The sync state file was damaged (cut, or not valid JSON): its previous good copy was used, and a good state is written now.';
    expect(autoSyncNoticeText(emptySummary({ unchanged: 5, stateDamaged: true, warnings: [damaged] }))).toBe(damaged);
    expect(autoSyncNoticeText(emptySummary({ created: ['a'], stateDamaged: true, warnings: [damaged] }))).toBe(`Zotero library synced: 1 note created.\n${damaged}`);
  });

  it('lists read-only notes it left alone', () => {
    expect(formatSyncSummary(emptySummary({ unchanged: 5, readOnly: ['Literature/mine.md'] }))).toBe(
      'Library synced: 0 created, 0 updated, 5 unchanged, 0 conflicts, 0 errors, 1 read-only.\nRead-only, left alone: Literature/mine.md',
    );
    expect(formatSyncSummary(emptySummary({ skipped: true }))).toBe('Library synced: the export has not changed since the last sync.');
  });

  it('leaves papers it could not sync as a standing problem, and joins warnings into one message', () => {
    expect(syncProblemText(emptySummary({ created: ['a'] }))).toBeNull();
    expect(syncProblemText(emptySummary({ errors: [{ citekey: 'bad', path: null, message: 'export line 4: no title' }] }))).toBe(
      'The last sync could not sync 1 paper: bad (export line 4: no title)',
    );
    expect(joinWarnings(['a', 'b', 'c', 'd'])).toBe('a\nb\nc and 1 more');
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
  });

  it('explains a bad template or date format, and says nothing was written', () => {
    const template = Object.assign(new Error('Templates/paper.md, line 4: unknown variable "autorString"'), { name: 'TemplateError' });
    expect(describeSyncError(template)).toBe('The note template has an error (Templates/paper.md, line 4: unknown variable "autorString"). Nothing was written.');
    const date = Object.assign(new Error('Invalid date format "YYYY" (date-fns tokens): use yyyy'), { name: 'DateFormatError' });
    expect(describeSyncError(date)).toBe('Invalid date format "YYYY" (date-fns tokens): use yyyy. Nothing was written; fix the date format in the settings.');
    expect(describeSyncError(new Error('disk full'))).toBe('Sync failed: disk full');
  });
});
