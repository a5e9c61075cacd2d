/**
 * Runs the built main.js the way Obsidian on a phone does: its code wrapped in a function that gets `require`,
 * `module` and `exports`, where `require` resolves `obsidian` (here: the mock) and nothing else, in a realm of its
 * own (node:vm) with a browser's globals and none of Node's: no `process`, `Buffer`, global `require`, `module`,
 * `global`. Whatever the bundle reaches for that a phone lacks fails here as it would there.
 */
import { webcrypto } from 'node:crypto';
import * as vm from 'node:vm';
import * as obsidian from 'obsidian';

export interface LoadedBundle {
  /** The plugin class main.js exports. */
  PluginClass: new (app: unknown, manifest: unknown) => unknown;
  /** Every module id main.js asked `require` for, in order. */
  required: string[];
  /** Evaluate an expression in the bundle's realm (e.g. "typeof process"). */
  evaluate(expression: string): unknown;
}

/** What a browser window offers (Obsidian's mobile app is a web view), bound to this process's implementations. */
function browserGlobals(): Record<string, unknown> {
  // A browser's console: the methods, not Node's extras (citation-js builds a Node logger when it sees `Console`).
  const browserConsole = Object.fromEntries((['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => [m, console[m].bind(console)]));
  return {
    console: browserConsole,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    MessageChannel,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    crypto: webcrypto,
    performance,
    structuredClone,
    atob,
    btoa,
    Blob,
    fetch: () => Promise.reject(new Error('main.js must not use the network')),
  };
}

export function loadBundle(code: string): LoadedBundle {
  const sandbox: Record<string, unknown> = browserGlobals();
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  const required: string[] = [];
  const fakeRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'obsidian') return obsidian;
    throw new Error(`Cannot find module '${id}' (only "obsidian" can be required on mobile)`);
  };
  const module = { exports: {} as Record<string, unknown> };
  const wrapped = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: 'main.js' }) as (
    require: (id: string) => unknown,
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
  ) => void;
  wrapped(fakeRequire, module, module.exports);
  const PluginClass = (module.exports.default ?? module.exports) as LoadedBundle['PluginClass'];
  return { PluginClass, required, evaluate: (expression): unknown => vm.runInContext(expression, context) as unknown };
}
