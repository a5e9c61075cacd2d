/**
 * Standing problems: what went wrong while the plugin worked by itself (at start-up, after the export changed, when
 * concept notes changed), one per kind. Such runs never put up a notice the user must click away, at every launch:
 * the problem stays in the status bar and the settings tab until the same kind of work succeeds. Pure, so the words
 * and the bookkeeping are tested without Obsidian.
 */

/** What kind of work failed; one standing problem (and one notice at a time) per kind. */
export type ProblemKind = 'export' | 'sync' | 'concepts' | 'citations';

export interface Problem {
  kind: ProblemKind;
  /** The whole message, for the settings tab and the status bar's tooltip. */
  message: string;
}

/** A few words per kind, for the status bar. */
const LABELS: Record<ProblemKind, string> = {
  export: 'export not readable',
  sync: 'last sync had problems',
  concepts: 'concept links not updated',
  citations: '"Cited in" not updated',
};

export function problemLabel(kind: ProblemKind): string {
  return LABELS[kind];
}

export type ProblemListener = (problems: readonly Problem[]) => void;

/** The standing problems, by kind; listeners hear every change. */
export class StandingProblems {
  private readonly byKind = new Map<ProblemKind, string>();
  private readonly listeners = new Set<ProblemListener>();

  /** The problems now, in the order of ProblemKind. */
  get list(): Problem[] {
    return (['export', 'sync', 'concepts', 'citations'] as const).flatMap((kind) => {
      const message = this.byKind.get(kind);
      return message === undefined ? [] : [{ kind, message }];
    });
  }

  get(kind: ProblemKind): string | null {
    return this.byKind.get(kind) ?? null;
  }

  set(kind: ProblemKind, message: string): void {
    if (this.byKind.get(kind) === message) return;
    this.byKind.set(kind, message);
    this.emit();
  }

  /** That kind of work succeeded: its problem is gone. */
  clear(kind: ProblemKind): void {
    if (this.byKind.delete(kind)) this.emit();
  }

  onChange(listener: ProblemListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const list = this.list;
    for (const listener of [...this.listeners]) listener(list);
  }
}
