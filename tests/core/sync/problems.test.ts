import { StandingProblems } from '../../../src/core/sync';

describe('standing problems', () => {
  it('keeps one problem per kind, in a fixed order, until that kind of work succeeds', () => {
    const problems = new StandingProblems();
    const heard: string[][] = [];
    problems.onChange((list) => heard.push(list.map((p) => p.kind)));
    problems.set('concepts', 'c');
    problems.set('export', 'e1');
    problems.set('export', 'e2');
    problems.set('export', 'e2'); // the same again: nothing new to tell
    expect(problems.list).toEqual([
      { kind: 'export', message: 'e2' },
      { kind: 'concepts', message: 'c' },
    ]);
    problems.clear('export');
    problems.clear('sync'); // none: nothing to tell
    expect(problems.get('export')).toBeNull();
    expect(heard).toEqual([['concepts'], ['export', 'concepts'], ['export', 'concepts'], ['concepts']]);
  });
});
