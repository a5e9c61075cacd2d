import { ExportSettler, type SettleOutcome, type SettleRun, type SettleTimers } from '../../../src/core/export/export-settler';

/** A hand-driven clock: timers run only inside `advance`, each followed by all pending promise work. */
class FakeClock implements SettleTimers {
  now = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  set(callback: () => void, ms: number): number {
    this.timers.set(++this.seq, { at: this.now + ms, callback });
    return this.seq;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await flushPromises();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
    await flushPromises();
  }
}

const flushPromises = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file whose fingerprint the test sets; null means missing. */
function setup(options: { quietMs?: number; checkMs?: number; earlyMs?: number; maxRetries?: number; outcome?: (run: SettleRun) => SettleOutcome | Promise<SettleOutcome> } = {}) {
  const clock = new FakeClock();
  const file = { fingerprint: '10:1' as string | null };
  const runs: { at: number; fingerprint: string | null; early: boolean }[] = [];
  const gaveUp: string[] = [];
  const settler = new ExportSettler({
    quietMs: options.quietMs ?? 1000,
    checkMs: options.checkMs ?? 500,
    earlyMs: options.earlyMs,
    now: () => clock.now,
    maxRetries: options.maxRetries,
    timers: clock,
    probe: () => Promise.resolve(file.fingerprint),
    onSettled: async (run) => {
      runs.push({ at: clock.now, fingerprint: file.fingerprint, early: run.early });
      return (await options.outcome?.(run)) ?? 'done';
    },
    onGiveUp: (reason) => gaveUp.push(reason),
  });
  return { clock, file, runs, gaveUp, settler };
}

describe('ExportSettler', () => {
  it('runs once, after the quiet time and a second look that finds the file unchanged', async () => {
    const { clock, runs, settler } = setup();
    settler.notifyChange();
    await clock.advance(1499);
    expect(runs).toEqual([]);
    await clock.advance(1);
    expect(runs).toEqual([{ at: 1500, fingerprint: '10:1', early: false }]);
    expect(settler.state).toBe('idle');
    await clock.advance(60000);
    expect(runs).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });

  it('restarts the quiet time on every change (debounce)', async () => {
    const { clock, runs, settler } = setup();
    for (let i = 0; i < 5; i++) {
      settler.notifyChange();
      await clock.advance(900);
    }
    expect(runs).toEqual([]);
    await clock.advance(600); // 1000 after the last change, plus the 500 of the second look
    expect(runs.map((r) => r.at)).toEqual([5100]);
  });

  it('never imports a file that is still growing; imports it once two looks agree', async () => {
    const { clock, file, runs, settler } = setup();
    settler.notifyChange();
    for (const size of [20, 30, 40]) {
      await clock.advance(500);
      file.fingerprint = `${size}:${size}`; // BBT still writing, without a change event reaching us
    }
    expect(runs).toEqual([]);
    await clock.advance(1000);
    expect(runs).toEqual([{ at: 2500, fingerprint: '40:40', early: false }]);
  });

  it('waits for a file that is missing for a moment (BBT replacing it), then imports it', async () => {
    const { clock, file, runs, gaveUp, settler } = setup();
    file.fingerprint = null;
    settler.notifyChange();
    await clock.advance(1000); // first look: missing → try again after a longer quiet time (2000)
    file.fingerprint = '99:9';
    await clock.advance(2000);
    expect(runs).toEqual([]);
    await clock.advance(500);
    expect(runs).toEqual([{ at: 3500, fingerprint: '99:9', early: false }]);
    expect(gaveUp).toEqual([]);
  });

  it('gives up on a file that stays missing, and never imports it', async () => {
    const { clock, file, runs, gaveUp, settler } = setup({ maxRetries: 3 });
    file.fingerprint = null;
    settler.notifyChange();
    await clock.advance(1000 * (1 + 2 + 3 + 4));
    expect(runs).toEqual([]);
    expect(gaveUp).toEqual(['missing']);
    expect(settler.state).toBe('idle');
    expect(clock.pending).toBe(0);
  });

  it('tries again when the import finds the text incomplete, and gives up after maxRetries', async () => {
    const { clock, runs, gaveUp, settler } = setup({ maxRetries: 2, outcome: () => 'retry' });
    settler.notifyChange();
    await clock.advance(1500);
    expect(runs.map((r) => r.at)).toEqual([1500]);
    await clock.advance(2000 + 500); // backoff 2 × quiet, then the second look
    expect(runs.map((r) => r.at)).toEqual([1500, 4000]);
    await clock.advance(3000 + 500);
    expect(runs.map((r) => r.at)).toEqual([1500, 4000, 7500]);
    await clock.advance(60000);
    expect(runs).toHaveLength(3);
    expect(gaveUp).toEqual(['incomplete']);
  });

  it('never overlaps imports: a change during one leads to exactly one more afterwards', async () => {
    let finish: (o: SettleOutcome) => void = () => undefined;
    let active = 0;
    let maxActive = 0;
    const { clock, file, runs, settler } = setup({
      outcome: () => {
        active++;
        maxActive = Math.max(maxActive, active);
        return new Promise<SettleOutcome>((resolve) => (finish = (o) => resolve(o))).finally(() => active--);
      },
    });
    settler.notifyChange();
    await clock.advance(1500);
    expect(settler.state).toBe('running');
    file.fingerprint = '11:2';
    settler.notifyChange();
    settler.notifyChange();
    await clock.advance(5000);
    expect(runs).toHaveLength(1); // the first is still running
    finish('done');
    await clock.advance(1500);
    expect(runs.map((r) => r.fingerprint)).toEqual(['10:1', '11:2']);
    finish('done');
    await clock.advance(60000);
    expect(runs).toHaveLength(2);
    expect(maxActive).toBe(1);
  });

  it('ignores a look that was in flight when a new change came', async () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    let answer: (fp: string) => void = () => undefined;
    let probes = 0;
    const settler = new ExportSettler({
      quietMs: 1000,
      checkMs: 500,
      timers: clock,
      probe: () => {
        probes++;
        return probes === 1 ? new Promise<string>((resolve) => (answer = resolve)) : Promise.resolve('same');
      },
      onSettled: () => {
        runs.push(clock.now);
        return Promise.resolve('done');
      },
    });
    settler.notifyChange();
    await clock.advance(1000); // the first look hangs
    settler.notifyChange();
    answer('same'); // arrives after the change: must not count as a first look
    await clock.advance(1000); // new quiet time over: first look
    expect(runs).toEqual([]);
    await clock.advance(500);
    expect(runs).toEqual([2500]);
  });

  it('does nothing more once disposed, not even when a look was in flight', async () => {
    const { clock, runs, settler } = setup();
    settler.notifyChange();
    await clock.advance(1200);
    settler.dispose();
    expect(clock.pending).toBe(0);
    settler.notifyChange();
    await clock.advance(60000);
    expect(runs).toEqual([]);
    expect(settler.state).toBe('disposed');
  });

  describe('early, by content (earlyMs)', () => {
    /** An import that checks the content (whole or not) and, when early, asks for the second look. */
    const importing = (whole: () => boolean) => async (run: SettleRun): Promise<SettleOutcome> => (run.early && !(whole() && (await run.unchanged())) ? 'wait' : 'done');

    it('imports a whole export after the short quiet spell and a second look, well before the full wait', async () => {
      const asked: { second: Promise<boolean> | null } = { second: null };
      const { clock, runs, settler } = setup({ quietMs: 2000, earlyMs: 500, outcome: (run) => (asked.second = run.unchanged()).then(() => 'done') });
      settler.notifyChange();
      await clock.advance(499);
      expect(runs).toEqual([]);
      await clock.advance(1);
      expect(runs).toEqual([{ at: 500, fingerprint: '10:1', early: true }]); // the read starts at the first look
      await clock.advance(500); // the second look, 500 after the first
      expect(await asked.second).toBe(true);
      expect(settler.state).toBe('idle');
      expect(clock.pending).toBe(0);
    });

    it('falls back to the full wait for an export that is not known whole, then imports it as before', async () => {
      const { clock, runs, settler } = setup({ quietMs: 2000, earlyMs: 500, outcome: importing(() => false) });
      settler.notifyChange();
      await clock.advance(1000);
      expect(runs.map((r) => [r.at, r.early])).toEqual([[500, true]]);
      await clock.advance(999);
      expect(runs).toHaveLength(1);
      await clock.advance(1); // the full wait after the change, and one look finding the file as before
      expect(runs.map((r) => [r.at, r.early])).toEqual([[500, true], [2000, false]]);
    });

    it('does not import early when the second look finds the file changed (BBT writing in chunks)', async () => {
      const { clock, file, runs, settler } = setup({ quietMs: 2000, earlyMs: 500, outcome: importing(() => true) });
      settler.notifyChange();
      await clock.advance(500); // first look: 10:1, the read starts
      file.fingerprint = '20:2'; // a chunk written without an event reaching us
      await clock.advance(500); // second look: changed → wait
      expect(runs.map((r) => r.early)).toEqual([true]);
      await clock.advance(1000); // full wait over: a look (20:2 ≠ 10:1), then another 500 later
      expect(runs).toHaveLength(1);
      await clock.advance(500);
      expect(runs.map((r) => [r.at, r.fingerprint, r.early])).toEqual([[500, '10:1', true], [2500, '20:2', false]]);
    });

    it('starts over when a change comes while an early read runs', async () => {
      const { clock, file, runs, settler } = setup({ quietMs: 2000, earlyMs: 500, outcome: importing(() => true) });
      settler.notifyChange();
      await clock.advance(500);
      file.fingerprint = '30:3';
      settler.notifyChange(); // during the read: the second look (at 1000) says no, and the quiet spell starts again
      await clock.advance(500);
      expect(runs).toHaveLength(1);
      await clock.advance(500);
      expect(runs.map((r) => [r.at, r.fingerprint, r.early])).toEqual([[500, '10:1', true], [1500, '30:3', true]]);
    });

    it('ends the wait for a second look when disposed', async () => {
      const asked: { second: Promise<boolean> | null } = { second: null };
      const { clock, settler } = setup({ quietMs: 2000, earlyMs: 500, outcome: (run) => (asked.second = run.unchanged()).then(() => 'done') });
      settler.notifyChange();
      await clock.advance(500);
      settler.dispose();
      expect(await asked.second).toBe(false);
      expect(clock.pending).toBe(0);
    });
  });
});
