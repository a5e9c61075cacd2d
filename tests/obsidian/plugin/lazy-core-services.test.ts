/** The real CoreServices: what each operation loads, and what is cached between calls. */
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { App } from 'obsidian';
import { readLibrary } from '../../../src/core/library/read-library';
import { normalizeSettings } from '../../../src/core/settings';
import { InMemoryVault } from '../../../src/core/vault';
import { createLazyCoreServices } from '../../../src/obsidian/plugin/lazy-core-services';
import type { ServiceContext } from '../../../src/obsidian/plugin/core-services';
import { createMockApp } from '../../__mocks__/obsidian';

/** Which of the heavy service modules were evaluated (jest runs a module factory when it is first required). */
const mockEvaluated: string[] = [];
jest.mock('../../../src/core/sync/engine', () => {
  mockEvaluated.push('sync');
  return jest.requireActual<object>('../../../src/core/sync/engine');
});
jest.mock('../../../src/obsidian/concepts/concept-service', () => {
  mockEvaluated.push('concept-service');
  return jest.requireActual<object>('../../../src/obsidian/concepts/concept-service');
});

const LIBRARY = readFileSync(nodePath.resolve(__dirname, '../../../example/library.bib'), 'utf8');

describe('lazy core services', () => {
  it('"Insert paper summary" loads only the summary entry, not the sync or the concept engine', async () => {
    const app = (await createMockApp()) as unknown as App;
    const services = createLazyCoreServices({
      app,
      vault: new InMemoryVault(),
      stateFile: { read: () => Promise.resolve(null), write: () => Promise.resolve() },
      yieldToUi: () => undefined,
      yieldNow: () => Promise.resolve(),
    });
    const paper = readLibrary(LIBRARY).papers.find((p) => p.citekey === 'brownLanguageModelsAre2020')!;
    const context: ServiceContext = { settings: normalizeSettings(null), language: 'en', now: new Date(), activePath: null, device: 'test-device' };

    const entry = await services.renderPaperSummary(paper, 3, context);
    expect(entry.startsWith('3. Language Models Are Few-Shot Learners [https://arxiv.org/abs/2005.14165](https://arxiv.org/abs/2005.14165)\n')).toBe(true);
    expect(mockEvaluated).toEqual([]);

    expect(await services.syncHead()).toBeNull(); // the sync state is read without the sync engine
    expect(mockEvaluated).toEqual([]);

    await services.linkConceptsInText('text', 'a.md', context); // a concept command does load the concept engine
    expect(mockEvaluated).toEqual(['concept-service']);
  });
});
