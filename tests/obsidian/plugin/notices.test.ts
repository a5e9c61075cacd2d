/** One notice per kind of message: a new message of a kind still on screen replaces its text (setMessage). */
import { NOTICE_MS, Notices } from '../../../src/obsidian/plugin/notices';
import { allNoticeMessages, resetUiLog, visibleNotices } from '../../__mocks__/obsidian';

describe('notices', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2025-03-08T14:03:11Z') });
    resetUiLog();
  });
  afterEach(() => jest.useRealTimers());

  it('updates the notice of a kind still shown instead of stacking another', () => {
    const notices = new Notices();
    notices.show('sync', 'Sync failed: disk full', NOTICE_MS.sticky);
    notices.show('sync', 'Sync failed: still full', NOTICE_MS.sticky);
    notices.show('concepts', 'Concept links: a term two concepts share', NOTICE_MS.result);
    expect(visibleNotices().map((n) => n.history)).toEqual([['Sync failed: disk full', 'Sync failed: still full'], ['Concept links: a term two concepts share']]);
  });

  it('shows a new notice once the old one has gone (timed out, or clicked away)', () => {
    const notices = new Notices();
    notices.show('sync', 'one', NOTICE_MS.short);
    jest.advanceTimersByTime(NOTICE_MS.short);
    notices.show('sync', 'two', NOTICE_MS.short);
    const [second] = visibleNotices();
    expect(second.message).toBe('two');
    second.simulateDismiss();
    notices.show('sync', 'three', NOTICE_MS.sticky);
    expect(visibleNotices().map((n) => n.message)).toEqual(['three']);
    expect(allNoticeMessages()).toEqual(['one', 'two', 'three']);
  });

  it('replaces, rather than updates, a notice that would go too soon for the new message, or one that stays', () => {
    const notices = new Notices();
    notices.show('sync', 'Library synced: 1 created.', NOTICE_MS.result);
    jest.advanceTimersByTime(NOTICE_MS.result - 1000); // one second left: too short for the next result
    notices.show('sync', 'Library synced: 2 created.', NOTICE_MS.result);
    expect(visibleNotices().map((n) => n.message)).toEqual(['Library synced: 2 created.']);
    notices.show('sync', 'Sync failed: disk full', NOTICE_MS.sticky); // a failure stays until dismissed: a new notice
    notices.show('sync', 'Library synced: 3 created.', NOTICE_MS.result); // and a result after it does not stay forever
    expect(visibleNotices().map((n) => [n.message, n.duration])).toEqual([['Library synced: 3 created.', NOTICE_MS.result]]);
  });

  it('hides the notice of a kind (a run that ended)', () => {
    const notices = new Notices();
    notices.show('sync-progress', 'Syncing library…', NOTICE_MS.sticky);
    notices.hide('sync-progress');
    expect(visibleNotices()).toEqual([]);
    notices.hide('nothing shown');
  });
});
