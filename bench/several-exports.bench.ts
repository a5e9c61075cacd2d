/**
 * Two exports against one: the same 10,000 papers as one Better BibLaTeX export (the baseline), or split into a
 * personal library of 5,000 (.bib) and a group library of 5,000 (Better CSL JSON), synced into a vault in memory
 * (only our code is measured). First sync, no-change re-sync, and a re-sync after 10 papers of the group library
 * changed (the personal library, unchanged, is not read).
 */
import { defaultSettings } from '../src/core/settings/settings';
import type { SyncExportSource } from '../src/core/sync/several-exports';
import { syncExport, type SyncOutcome } from '../src/core/sync/sync-export';
import { VaultSyncStateStore } from '../src/core/sync/vault-state-store';
import { InMemoryVault } from '../src/core/vault/memory-vault';
import { generateBiblatex, generateCslJson } from './generate-library';
import type { BenchCase, BenchGoal, CaseResult } from './harness';

const GROUP = 'sync: 10,000 papers as one export or as two (5,000 .bib + 5,000 CSL JSON), vault in memory';
const STATE_PATH = '.obsidian/plugins/zotero-concept-notes/sync-state.json';
const encoder = new TextEncoder();

interface Libraries {
  one: Uint8Array;
  personal: Uint8Array;
  group: Uint8Array;
  /** The group library with 10 titles changed. */
  groupChanged: Uint8Array;
}

function libraries(): Libraries {
  const entries = generateBiblatex(10000).split(/\n(?=@)/);
  const items = (JSON.parse(generateCslJson(10000)) as { title: string }[]).slice(5000);
  const csl = (list: unknown[]) => encoder.encode(`[\n${list.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`);
  return {
    one: encoder.encode(entries.join('\n')),
    personal: encoder.encode(entries.slice(0, 5000).join('\n')),
    group: csl(items),
    groupChanged: csl(items.map((it, i) => (i < 10 ? { ...it, title: `Revised: ${it.title}` } : it))),
  };
}

function sync(vault: InMemoryVault, exports: SyncExportSource[]): Promise<SyncOutcome> {
  return syncExport({ exports, vault, store: new VaultSyncStateStore(vault, STATE_PATH), settings: defaultSettings(), now: new Date(Date.UTC(2025, 9, 1)), language: 'en' });
}

const one = (l: Libraries) => [{ name: 'library.bib', content: l.one }];
const two = (l: Libraries, group = l.group) => [
  { name: 'personal.bib', content: l.personal },
  { name: 'group.json', content: group },
];

function note(o: SyncOutcome): string {
  const r = o.report;
  const read = o.exports ? `; exports ${o.exports.map((e) => e.status).join(', ')}` : '';
  return `${r.created.length} created, ${r.updated.length} updated, ${r.unchanged} unchanged${o.skipped ? ' (skipped: nothing read)' : ''}${read}`;
}

/** A vault synced once from `exports`, for the re-sync cases. */
async function synced(exports: (l: Libraries) => SyncExportSource[]) {
  const l = libraries();
  const vault = new InMemoryVault();
  await sync(vault, exports(l));
  return { l, vault };
}

type Synced = Awaited<ReturnType<typeof synced>>;

export const CASES: BenchCase[] = [
  {
    id: 'several-first-one',
    group: GROUP,
    label: 'first sync, one export of 10,000',
    baseline: true,
    repeat: 3,
    setup: () => Promise.resolve(libraries()),
    run: async (l) => note(await sync(new InMemoryVault(), one(l as Libraries))),
  },
  {
    id: 'several-first-two',
    group: GROUP,
    label: 'first sync, two exports of 5,000',
    repeat: 3,
    setup: () => Promise.resolve(libraries()),
    run: async (l) => note(await sync(new InMemoryVault(), two(l as Libraries))),
  },
  {
    id: 'several-nochange-one',
    group: GROUP,
    label: 'no-change re-sync, one export',
    repeat: 5,
    setup: () => synced(one),
    run: async (p) => note(await sync((p as Synced).vault, one((p as Synced).l))),
  },
  {
    id: 'several-nochange-two',
    group: GROUP,
    label: 'no-change re-sync, two exports',
    repeat: 5,
    setup: () => synced(two),
    run: async (p) => note(await sync((p as Synced).vault, two((p as Synced).l))),
  },
  {
    id: 'several-ten-changed-two',
    group: GROUP,
    label: 're-sync, 10 papers of the group export changed',
    setup: () => synced(two),
    run: async (p) => note(await sync((p as Synced).vault, two((p as Synced).l, (p as Synced).l.groupChanged))),
  },
];

export const GOALS: BenchGoal[] = [
  {
    group: GROUP,
    check: (results: Map<string, CaseResult>) => {
      const base = results.get('several-first-one');
      const both = results.get('several-first-two');
      if (!base || !both) return "goal two exports' first sync <= 1.25x one export's: not measured";
      const ratio = both.ms / base.ms;
      return `goal two exports' first sync <= 1.25x one export's: ${ratio.toFixed(2)}x (${ratio <= 1.25 ? 'met' : 'NOT met'})`;
    },
  },
];
