/**
 * What is wrong with each export (not found, unreadable, cannot be watched), kept as the one standing problem of
 * kind `export`: with one export its message as it is, with several each message after its export's path.
 */
import type { StandingProblems } from './problems';

export class ExportProblems {
  private readonly byName = new Map<string, string>();

  constructor(
    private readonly problems: StandingProblems,
    /** The exports' names, in order. */
    private readonly names: () => readonly string[],
  ) {}

  /** Say what is wrong with one export (null: nothing any more). */
  set(name: string, message: string | null): void {
    if (message === null) this.byName.delete(name);
    else this.byName.set(name, message);
    this.publish();
  }

  /** Nothing is wrong with any export (they were all just read, or the settings changed). */
  clear(): void {
    this.byName.clear();
    this.publish();
  }

  private publish(): void {
    const names = this.names();
    for (const name of [...this.byName.keys()]) if (!names.includes(name)) this.byName.delete(name);
    const messages = names.flatMap((n) => {
      const message = this.byName.get(n);
      return message === undefined ? [] : [names.length === 1 ? message : `${n}: ${message}`];
    });
    if (messages.length === 0) this.problems.clear('export');
    else this.problems.set('export', messages.join('\n'));
  }
}
