import { TimeSlicer, yieldToEventLoop } from '../../../src/core/scheduling';

/** A slicer on a clock the test moves, counting its yields (each resolved when the test says so). */
function slicerOnTestClock() {
  const clock = { now: 0 };
  const yields: (() => void)[] = [];
  const slicer = new TimeSlicer({ now: () => clock.now, yieldToEventLoop: () => new Promise<void>((resolve) => yields.push(resolve)) });
  return { clock, yields, slicer };
}

describe('TimeSlicer', () => {
  it('lets a run go on while its 10 ms slice lasts, however many steps it takes', () => {
    const { clock, yields, slicer } = slicerOnTestClock();
    for (let step = 0; step < 1000; step++) {
      clock.now = step * 0.009; // 1,000 steps in 9 ms
      expect(slicer.pause()).toBeUndefined();
    }
    expect(yields).toHaveLength(0);
  });

  it('yields once the slice is used up, then starts a new slice when the run resumes', async () => {
    const { clock, yields, slicer } = slicerOnTestClock();
    clock.now = 10;
    const paused = slicer.pause();
    expect(paused).toBeInstanceOf(Promise);
    expect(yields).toHaveLength(1);
    clock.now = 25; // the UI ran for a while
    yields[0]();
    await paused;
    clock.now = 34;
    expect(slicer.pause()).toBeUndefined(); // 9 ms into the new slice
    clock.now = 35;
    expect(slicer.pause()).toBeInstanceOf(Promise);
    expect(yields).toHaveLength(2);
  });

  it('makes runs pausing while a yield is under way wait for that same yield', async () => {
    const { clock, yields, slicer } = slicerOnTestClock();
    clock.now = 50;
    const first = slicer.pause();
    const second = slicer.pause();
    const third = slicer.yieldNow();
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(yields).toHaveLength(1);
    yields[0]();
    await Promise.all([first, second, third]);
  });

  it('yields after a long step too: by time, not by count', async () => {
    const { clock, yields, slicer } = slicerOnTestClock();
    clock.now = 1;
    expect(slicer.pause()).toBeUndefined();
    clock.now = 400; // one step took 399 ms
    const paused = slicer.pause();
    expect(yields).toHaveLength(1);
    yields[0]();
    await paused;
  });
});

describe('yieldToEventLoop', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves through a message, not a timer: it arrives with every timer faked and none advanced', async () => {
    jest.useFakeTimers();
    const order: string[] = [];
    const yielded = yieldToEventLoop().then(() => order.push('yield'));
    void Promise.resolve().then(() => order.push('microtask'));
    await yielded;
    expect(order).toEqual(['microtask', 'yield']);
  });

  it('serves several waiting yields in order', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => yieldToEventLoop().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });
});
