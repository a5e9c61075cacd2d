/**
 * Property: whatever the user types outside the managed parts, whatever front-matter keys they add, the links they
 * make inside managed regions, the YAML comments they put on managed keys, the edits they make to annotations, and
 * however the export changes (annotations added, changed and removed in Zotero included), after every sync all of
 * the user's bytes are still there (in order), their keys parse back to their values, every paper
 * has exactly one note, and a sync of an unchanged export writes nothing. Also when another program writes a note
 * while the sync replaces it, and when a sync is killed halfway (possibly leaving an empty note, as older versions
 * did): the next sync repairs, and loses nothing.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Annotation } from '../../../src/core/library/annotation';
import type { Paper } from '../../../src/core/library/paper';
import { applySync } from '../../../src/core/sync/apply-sync';
import { SyncAbortedError } from '../../../src/core/sync/export-safety';
import { planSync } from '../../../src/core/sync/plan-sync';
import { readFrontMatterValue } from '../../../src/core/text/front-matter-text';
import type { VaultPort } from '../../../src/core/vault/vault-port';
import { Crash, CrashingStore, CrashingVault, RacyVault } from './sync-property-faults';
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
  | { kind: 'race'; text: string; where: number }
  | { kind: 'crash'; after: number; leaveEmpty: boolean }
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
  // A sync during which another program types into the first note the sync rewrites, between its read and replace.
  { arbitrary: fc.record({ kind: fc.constant<'race'>('race'), text: userText, where: fc.nat(20) }), weight: 2 },
  // A sync killed after `after` writes, before its state is saved; a create killed midway may leave an empty note.
  { arbitrary: fc.record({ kind: fc.constant<'crash'>('crash'), after: fc.nat(6), leaveEmpty: fc.boolean() }), weight: 2 },
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

/** Where typing goes: outside the managed parts, just inside a region, or at the end of a line of an annotation. */
type TypingPlace = 'outside' | 'inside' | 'annotation';

/** Type `text` at spot `where` of the note at `path`; false when the note has no such spot. */
async function typeInto(vault: VaultPort, model: Model, path: string, text: string, where: number, place: TypingPlace = 'outside'): Promise<boolean> {
  const current = (await vault.read(path))!;
  const spots = place === 'inside' ? insideSpots(current) : place === 'annotation' ? annotationSpots(current) : typingSpots(current);
  if (spots.length === 0) return false;
  const at = spots[where % spots.length];
  // A unique prefix makes every typed string findable exactly.
  const unique = `⟦${model.keyCounter++}⟧${text}`;
  const typed = current.includes('\r\n') ? unique.replace(/\n/g, '\r\n') : unique;
  const next = current.slice(0, at) + typed + current.slice(at);
  await vault.write(path, next);
  // Keep the list in the order the strings now appear in the note.
  model.typed.set(path, orderedByPosition(next, [...(model.typed.get(path) ?? []), typed]));
  return true;
}

/** What a sync left must hold everything the user wrote in the notes as they were `before` it. */
function expectUserBytesKept(model: Model, before: Record<string, string>, after: Record<string, string>): void {
  for (const path of Object.keys(before)) {
    if (!path.endsWith('.md')) continue;
    expect(after[path]).toBeDefined(); // nothing is ever deleted
    if (before[path] === '') continue; // an empty note left by a crash: nothing of the user's in it
    expect(bodyOf(after[path])).toBe(bodyOf(before[path]));
    // Everything typed, inside regions too, is there in the order it was typed into.
    expect(inOrder(after[path], model.typed.get(path) ?? [])).toBe(true);
    const fm = frontMatterOf(after[path]);
    const keys = model.userKeys.get(path) ?? [];
    expect(inOrder(fm.raw, keys.map((k) => k.block))).toBe(true);
    for (const k of keys) expect(fm.data[k.name]).toEqual(k.value);
  }
}

/** Every paper of the export has exactly one note, and no note is empty. */
function expectOneNotePerPaper(model: Model, files: Record<string, string>): void {
  const notes = Object.entries(files).filter(([p]) => p.endsWith('.md'));
  expect(notes.filter(([, text]) => text === '').map(([p]) => p)).toEqual([]);
  for (const key of model.versions.keys()) expect([key, notes.filter(([, text]) => readFrontMatterValue(text, 'citekey') === key).length]).toEqual([key, 1]);
}

async function runSteps(steps: Step[]): Promise<void> {
  const vault = new RacyVault();
  let store = new MemoryStateStore();
  // Both first papers start with highlights, so their notes have an annotations section to edit from the first sync.
  const annotations = new Map([['k0', [highlight(900), highlight(901)]], ['k1', [highlight(902)]]]);
  const model: Model = { versions: new Map([['k0', 0], ['k1', 0]]), annotations, typed: new Map(), userKeys: new Map(), keyCounter: 0 };
  let day = 1;
  const syncNow = async (on: VaultPort = vault, into: MemoryStateStore = store) => {
    const plan = await planSync({ papers: papersOf(model), vault: on, settings: settings(), state: await store.load(), now: new Date(2025, 0, day++), language: 'en' });
    return applySync(on, plan, into);
  };
  for (const s of [{ kind: 'sync' } as Step, ...steps, { kind: 'sync' } as Step]) {
    // The user edits notes, not the empty leftover of a crash (the next sync repairs that into a note).
    const notes = Object.entries(vault.snapshot()).flatMap(([p, text]) => (p.endsWith('.md') && text !== '' ? [p] : []));
    if (s.kind === 'crash') {
      const before = vault.snapshot();
      const crashing = new CrashingVault(vault, s.after, s.leaveEmpty);
      await syncNow(crashing, new CrashingStore(crashing, store)).catch((e: unknown) => {
        if (!(e instanceof Crash || e instanceof SyncAbortedError)) throw e;
      });
      store = new MemoryStateStore(store.memory); // the next run starts afresh, from the state on disk
      expectUserBytesKept(model, before, vault.snapshot());
      continue;
    }
    if (s.kind === 'sync' || s.kind === 'race') {
      const before = vault.snapshot();
      const lastCount = (await store.load())?.lastExport?.paperCount ?? null;
      if (s.kind === 'race') {
        vault.interleave = async (path, text) => {
          if (!text.startsWith('---') || !(await typeInto(vault, model, path, s.text, s.where))) return false;
          before[path] = (await vault.read(path))!;
          return true;
        };
      }
      try {
        await syncNow();
      } catch (e) {
        expect(e).toBeInstanceOf(SyncAbortedError);
        const n = model.versions.size;
        expect(n === 0 || (lastCount !== null && n < 0.5 * lastCount)).toBe(true);
        expect(vault.snapshot()).toEqual(before);
        continue;
      } finally {
        vault.interleave = null;
      }
      const after = vault.snapshot();
      expectUserBytesKept(model, before, after);
      expectOneNotePerPaper(model, after);
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
      await typeInto(vault, model, path, s.text, s.where, s.kind === 'type' ? 'outside' : s.kind === 'inside' ? 'inside' : 'annotation');
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
