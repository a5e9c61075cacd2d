/**
 * Evaluate a CommonJS plugin bundle (main.js) as Obsidian does, with `obsidian` resolved to the test mock, and make
 * the plugin on a mock app. Shared by the start-up bench and the responsiveness bench.
 */
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import * as obsidianMock from '../../tests/__mocks__/obsidian';

const nodeRequire = createRequire(__filename);

export const MANIFEST = { id: 'zotero-concept-notes', name: 'Zotero Concept Notes', version: '0', minAppVersion: '1.8.7', description: '', author: '' };

/** Evaluate `code`; `required` collects every module it required. */
export function evaluate(code: string, filename: string, required: string[] = []): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = runInThisContext(`(function (require, module, exports) {${code}\n})`, { filename }) as (
    req: (id: string) => unknown,
    mod: typeof module,
    exp: Record<string, unknown>,
  ) => void;
  wrapper(
    (id) => {
      required.push(id);
      return id === 'obsidian' ? obsidianMock : nodeRequire(id);
    },
    module,
    module.exports,
  );
  return module.exports;
}

/** The plugin class main.js exports, instantiated on `app` (not loaded yet). */
export function makePluginFrom(exported: Record<string, unknown>, app: obsidianMock.App): obsidianMock.Plugin {
  const PluginClass = exported.default as new (app: obsidianMock.App, manifest: obsidianMock.PluginManifest) => obsidianMock.Plugin;
  return new PluginClass(app, MANIFEST);
}
