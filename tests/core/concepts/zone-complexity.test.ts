/**
 * Zone finding is linear in the note's length (issue 9: a 200 KB note of unmatched `[`, `$` and backticks took 17 s).
 * Measured with the scanner's own work counter (characters examined), never with a clock: doubling a hostile note must
 * at most double the work, and on any text the work stays within a fixed multiple of its length.
 */
import fc from 'fast-check';
import { scanZones } from '../../../src/core/concepts/markdown-zones';

/** Hostile notes: each repeats one trap `n` times, on one line or as one long paragraph. */
const TRAPS: Record<string, (n: number) => string> = {
  'unmatched [': (n) => 'ICL ['.repeat(n),
  'unmatched [ with a bracket later': (n) => 'a ['.repeat(n) + ']',
  'links without a closing paren': (n) => '[a](b'.repeat(n),
  'links with an unclosed title': (n) => '[a](b "t'.repeat(n),
  'unmatched $': (n) => 'costs $5 and '.repeat(n),
  'unmatched $ before a closer far away': (n) => '$a '.repeat(n) + '\n\nx$',
  'unmatched backticks': (n) => 'a ` b '.repeat(n),
  'backtick runs of growing length': (n) => Array.from({ length: n }, (_, i) => '`'.repeat(1 + (i % 7)) + ' x ').join(''),
  'unclosed HTML elements': (n) => '<b>ICL '.repeat(n),
  'unclosed elements of many names': (n) => Array.from({ length: n }, (_, i) => `<x${i}> a `).join(''),
  'open angle brackets': (n) => '<a b'.repeat(n),
  'unclosed wikilinks, one per line': (n) => '[[ICL\n'.repeat(n),
  'nested brackets': (n) => '['.repeat(n) + 'x' + ']'.repeat(n) + '(',
  'colons in long words': (n) => 'abcdefghij:'.repeat(n),
  'a long paragraph of lines with $ and `': (n) => 'line $ and ` here\n'.repeat(n),
  'reference entries': (n) => '1. Wei, J. et al. Chain of thought. 2022.\n'.repeat(n),
};

function work(text: string): number {
  return scanZones(text).work;
}

describe('zone finding is linear', () => {
  it.each(Object.entries(TRAPS))('%s: doubling the note at most doubles the work', (_name, make) => {
    const n = 4000;
    const [short, long] = [make(n), make(2 * n)];
    const small = work(short);
    const large = work(long);
    expect(small).toBeGreaterThan(n);
    // Linear work a·n + c (c ≥ 0) grows no faster than the text; a quadratic scanner doubles its work per character.
    // (The ratio is taken per character because some traps, numbered ones, are slightly more than twice as long.)
    expect(large / long.length / (small / short.length)).toBeLessThanOrEqual(1.01);
  });

  it('does a bounded amount of work per character on any text', () => {
    const alphabet = fc.constantFrom('[', ']', '(', ')', '$', '`', '<', '>', '\\', ':', '#', '^', '%', '!', '"', ' ', '\n', 'a', 'ICL', '<b>', '[[', '](', '$$', '~~~', '| a |');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        expect(work(text)).toBeLessThanOrEqual(12 * text.length + 10);
      }),
      { numRuns: 300 },
    );
  });

  it('still finds the constructs the traps are made of', () => {
    const zones = scanZones('a `code` b $x$ c <b>x</b> [t](u) d');
    const hard = zones.hard;
    expect(hard).toEqual([2, 8, 11, 14, 17, 25, 26, 32]);
  });
});
