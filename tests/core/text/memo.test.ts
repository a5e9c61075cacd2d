import { clearStringMemos, memoizeByString } from '../../../src/core/text/memo';

describe('memoizeByString', () => {
  it('computes each distinct string once, null results included', () => {
    const seen: string[] = [];
    const upper = memoizeByString((s) => {
      seen.push(s);
      return s === '' ? null : s.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper(''), upper('')]).toEqual(['A', 'B', 'A', null, null]);
    expect(seen).toEqual(['a', 'b', '']);
  });

  it('starts over when full, and when a sync clears every cache', () => {
    const seen: string[] = [];
    const same = memoizeByString((s) => {
      seen.push(s);
      return s;
    }, 2);
    same('a');
    same('b');
    same('c'); // full: the cache starts over with c
    same('a');
    same('c');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
    clearStringMemos();
    same('c');
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'c']);
  });
});
