/**
 * The zone finder's measure of its own work. In a module of its own because every scanner of a note's text reports
 * into it (html-tags.ts, inline-search.ts, inline-zones.ts): defined in one of them, it tied them into an import cycle.
 */
export interface WorkMeter {
  /** Characters examined: the zone finder's complexity measure (tests double the input and compare). */
  work: number;
}
