/**
 * Property: whatever the user types outside the managed parts, whatever front-matter keys they add, the links they
 * make inside managed regions, the YAML comments they put on managed keys, the edits they make to annotations, and
 * however the export changes (annotations added, changed and removed in Zotero included), after every sync all of
 * the user's bytes are still there (in order), their keys parse back to their values, and a sync of an unchanged
 * export writes nothing.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Annotation } from '../../../src/core/library/annotation';
import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { planSync } from '../../../src/core/sync/plan-sync';
import { InMemoryVault } from '../../../src/core/vault/memory-vault';
import { annotationSpots, bodyOf, commentSpots, frontMatterOf, inOrder, insideSpots, keySpots, linkableWords, orderedByPosition, typingSpots } from './note-spots';
import { makePaper, MemoryStateStore, settings } from './sync-support';

const KEYS = ['k0', 'k1', 'k2', 'k3', 'K3', 'k4'];

type Step =
  | { kind: 'sync' }
  | { kind: 'add'; key: number }
  | { kind: 'change'; key: number }
  | { kind: 'remove'; key: number }
  | { kind: 'type'; note: number; text: string; where: number }
  | { kind: 'inside'; note: number; text: string; where: number }
  | { kind: 'key'; note: number; value: unknown; where: number }
  | { kind: 'link'; note: number; where: number }
  | { kind: 'comment'; note: number; where: number }
  | { kind: 'crlf'; note: number }
  | { kind: 'annotate'; key: number; op: 'add' | 'change' | 'remove'; which: number }
  | { kind: 'annotationEdit'; note: number; text: string; where: number };

// No `%` (region markers are the plugin's syntax) and no CR (line endings are a step of their own).
const userText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '-', ':', '#', '[', ']', '|', '"', "'", '中', '文', '😀', '*', '>', '`'), minLength: 1, maxLength: 12 });

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant<Step>({ kind: 'sync' }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constantFrom('add', 'change', 'remove'), key: fc.nat(KEYS.length - 1) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant<'type'>('type'), note: fc.nat(20), text: userText, where: fc.nat(20) }), weight: 3 },
  // Typing inside a managed region: a conflict from then on, and the text is kept.
  { arbitrary: fc.record({ kind: fc.constant<'inside'>('inside'), note: fc.nat(20), text: userText, where: fc.nat(20) }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant<'key'>('key'),
      note: fc.nat(20),
      value: fc.oneof(userText, fc.integer(), fc.array(userText, { maxLength: 3 }), fc.constant(null), fc.boolean()),
      where: fc.nat(20),
    }),
    weight: 2,
  },
  // A link typed over a word of a managed region: a hand edit, though its visible text is the plugin's.
  { arbitrary: fc.record({ kind: fc.constant<'link'>('link'), note: fc.nat(20), where: fc.nat(20) }), weight: 1 },
  // A YAML comment on a managed key's line or inside its list: kept, whatever the plugin has for the key.
  { arbitrary: fc.record({ kind: fc.constant<'comment'>('comment'), note: fc.nat(20), where: fc.nat(20) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant<'crlf'>('crlf'), note: fc.nat(20) }), weight: 1 },
  // Zotero: a highlight added, its comment changed, or removed (the annotation note regenerated).
  { arbitrary: fc.record({ kind: fc.constant<'annotate'>('annotate'), key: fc.nat(KEYS.length - 1), op: fc.constantFrom('add', 'add', 'change', 'remove'), which: fc.nat(10) }), weight: 3 },
  // The user writes at the end of a line of one annotation's block (no line break: text typed there later must not
  // split it): kept, whatever Zotero does to that or other annotations.
  { arbitrary: fc.record({ kind: fc.constant<'annotationEdit'>('annotationEdit'), note: fc.nat(20), text: userText.map((t) => t.replace(/\n/g, ' ')), where: fc.nat(40) }), weight: 2 },
);

interface Model {
  versions: Map<string, number>;
  /** The annotations each paper has in Zotero. */
  annotations: Map<string, Annotation[]>;
  /** Per note path: the strings the user typed into the body, and the YAML blocks of keys they added. */
  typed: Map<string, string[]>;
  userKeys: Map<string, { name: string; value: unknown; block: string }[]>;
  keyCounter: number;
}

function papersOf(model: Model): Paper[] {
  return [...model.versions.entries()].map(([key, v]) =>
    makePaper(key, {
      title: `Paper ${key} v${v}`,
      abstract: `Abstract ${key} v${v}.`,
      tags: v % 2 ? ['a'] : ['b', '中文'],
      doi: v > 1 ? `10.1/${key}.${v}` : null,
      annotations: model.annotations.get(key) ?? [],
    }),
  );
}

function highlight(n: number): Annotation {
  const key = `A${n}`;
  const link = `zotero://open-pdf/library/items/ATT23456?page=${n}&annotation=${key}`;
  return { type: 'highlight', text: `Highlight ${n}`, comment: '', color: '#ffd400', colorName: 'yellow', page: String(n), key, attachmentKey: 'ATT23456', link };
}

async function runSteps(steps: Step[]): Promise<void> {
  const vault = new InMemoryVault();
  const store = new MemoryStateStore();
  // Both first papers start with highlights, so their notes have an annotations section to edit from the first sync.
  const annotations = new Map([['k0', [highlight(900), highlight(901)]], ['k1', [highlight(902)]]]);
  const model: Model = { versions: new Map([['k0', 0], ['k1', 0]]), annotations, typed: new Map(), userKeys: new Map(), keyCounter: 0 };
  let day = 1;
  const syncNow = async () => {
    const plan = await planSync({ papers: papersOf(model), vault, settings: settings(), state: await store.load(), now: new Date(2025, 0, day++), language: 'en' });
    return applySync(vault, plan, store);
  };
  for (const s of [{ kind: 'sync' } as Step, ...steps, { kind: 'sync' } as Step]) {
    const notes = Object.keys(vault.snapshot()).filter((p) => p.endsWith('.md'));
    if (s.kind === 'sync') {
      const before = vault.snapshot();
      const lastCount = (await store.load())?.lastExport?.paperCount ?? null;
      try {
        await syncNow();
      } catch (e) {
        expect(e).toBeInstanceOf(SyncAbortedError);
        const n = model.versions.size;
        expect(n === 0 || (lastCount !== null && n < 0.5 * lastCount)).toBe(true);
        expect(vault.snapshot()).toEqual(before);
        continue;
      }
      const after = vault.snapshot();
      for (const path of Object.keys(before)) {
        if (!path.endsWith('.md')) continue;
        expect(after[path]).toBeDefined(); // nothing is ever deleted
        expect(bodyOf(after[path])).toBe(bodyOf(before[path]));
        // Everything typed, inside regions too, is there in the order it was typed into.
        expect(inOrder(after[path], model.typed.get(path) ?? [])).toBe(true);
        const fm = frontMatterOf(after[path]);
        const keys = model.userKeys.get(path) ?? [];
        expect(inOrder(fm.raw, keys.map((k) => k.block))).toBe(true);
        for (const k of keys) expect(fm.data[k.name]).toEqual(k.value);
      }
      // The same export again: no write at all, not even the state.
      vault.resetWrites();
      const saves = store.saves;
      const again = await syncNow();
      expect(vault.writes).toEqual([]);
      expect(store.saves).toBe(saves);
      expect(again.created).toEqual([]);
      expect(again.updated).toEqual([]);
      continue;
    }
    if (s.kind === 'annotate') {
      const key = KEYS[s.key];
      const list = [...(model.annotations.get(key) ?? [])];
      if (s.op === 'add') list.splice(s.which % (list.length + 1), 0, highlight(model.keyCounter++));
      else if (list.length > 0 && s.op === 'change') list[s.which % list.length] = { ...list[s.which % list.length], comment: `Comment ${model.keyCounter++}` };
      else if (list.length > 0) list.splice(s.which % list.length, 1);
      model.annotations.set(key, list);
      continue;
    }
    if (s.kind === 'add' || s.kind === 'change' || s.kind === 'remove') {
      const key = KEYS[s.key];
      if (s.kind === 'remove') model.versions.delete(key);
      else model.versions.set(key, (model.versions.get(key) ?? -1) + 1);
      continue;
    }
    if (notes.length === 0) continue;
    const path = notes[s.note % notes.length];
    const text = (await vault.read(path))!;
    if (s.kind === 'crlf') {
      if (text.includes('\r\n')) continue;
      await vault.write(path, text.replace(/\n/g, '\r\n'));
      // What the user wrote is now in CRLF too.
      const crlf = (x: string) => x.replace(/\n/g, '\r\n');
      model.typed.set(path, (model.typed.get(path) ?? []).map(crlf));
      model.userKeys.set(path, (model.userKeys.get(path) ?? []).map((k) => ({ ...k, block: crlf(k.block) })));
      continue;
    }
    if (s.kind === 'link' || s.kind === 'comment') {
      let next: string;
      let typed: string;
      if (s.kind === 'link') {
        const words = linkableWords(text);
        if (words.length === 0) continue;
        const [start, end] = words[s.where % words.length];
        typed = `[[mine-${model.keyCounter++}|${text.slice(start, end)}]]`;
        next = text.slice(0, start) + typed + text.slice(end);
      } else {
        const spots = commentSpots(text);
        if (spots.length === 0) continue;
        const { at, line } = spots[s.where % spots.length];
        typed = `# ⟦c${model.keyCounter++}⟧`;
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        next = text.slice(0, at) + (line ? `  ${typed}${eol}` : ` ${typed}`) + text.slice(at);
      }
      await vault.write(path, next);
      model.typed.set(path, orderedByPosition(next, [...(model.typed.get(path) ?? []), typed]));
      continue;
    }
    if (s.kind === 'type' || s.kind === 'inside' || s.kind === 'annotationEdit') {
      const spots = s.kind === 'type' ? typingSpots(text) : s.kind === 'inside' ? insideSpots(text) : annotationSpots(text);
      if (spots.length === 0) continue;
      const at = spots[s.where % spots.length];
      // A unique prefix makes every typed string findable exactly.
      const unique = `⟦${model.keyCounter++}⟧${s.text}`;
      const typed = text.includes('\r\n') ? unique.replace(/\n/g, '\r\n') : unique;
      await vault.write(path, text.slice(0, at) + typed + text.slice(at));
      const list = model.typed.get(path) ?? [];
      list.push(typed);
      // Keep the list in the order the strings now appear in the note.
      const next = text.slice(0, at) + typed + text.slice(at);
      model.typed.set(path, orderedByPosition(next, list));
      continue;
    }
    const name = `user-${model.keyCounter++}`;
    let block = stringify({ [name]: s.value });
    if (text.includes('\r\n')) block = block.replace(/\n/g, '\r\n');
    const spots = keySpots(text);
    const at = spots[s.where % spots.length];
    const next = text.slice(0, at) + block + text.slice(at);
    await vault.write(path, next);
    // The value is what the user's YAML means (the yaml library does not round-trip every string, e.g. " \n").
    const value = (parse(block) as Record<string, unknown>)[name];
    const keys = [...(model.userKeys.get(path) ?? []), { name, value, block }];
    keys.sort((a, b) => next.indexOf(a.block) - next.indexOf(b.block));
    model.userKeys.set(path, keys);
  }
}

describe('sync property', () => {
  it('never loses a byte the user wrote, and an unchanged export writes nothing', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), runSteps), { numRuns: Number(process.env.ZCN_PROPERTY_RUNS ?? 60) });
  });
});
