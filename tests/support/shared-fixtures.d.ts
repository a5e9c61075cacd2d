/** Types of shared-fixtures.js (plain CommonJS, because jest.config.js loads it before TypeScript runs). */
export const MANIFEST: string;
export function fixturesDir(root: string): string;
export function missingFixtures(root: string): { dir: string; total: number; missing: string[] };
export function suitesReadingFixtures(root: string): string[];
