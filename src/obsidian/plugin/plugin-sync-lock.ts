/**
 * The plugin's side of the sync lock (core/sync/sync-lock.ts), shared with the CLI: the lock file in the plugin's
 * folder, and who this is. On desktop the holder is this Obsidian process on this computer, so the CLI (and the
 * plugin) can tell a lock left by a crash from a live one; on mobile there is no process to tell, and a lock of the
 * phone's is taken over once it has not been refreshed for a minute.
 */
import type { Plugin } from 'obsidian';
import { SYNC_LOCK_FILE, type LockClock, type LockFilePort, type SyncLockOptions } from '../../core/sync';
import { nodeModules, type NodeModules } from '../export/export-file';
import { PluginConfigFile } from './config-file';

/** How long a sync started in Obsidian waits for another one (the CLI's) to finish before saying so. */
const PLUGIN_LOCK_WAIT_MS = 5000;

const windowClock: LockClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
  every: (ms, fn) => {
    const id = window.setInterval(fn, ms);
    return () => window.clearInterval(id);
  },
};

/** Whether process `pid` runs on this computer (desktop: `kill(pid, 0)` sends nothing); null when unknown. */
function processRunning(node: NodeModules, pid: number): boolean | null {
  try {
    node.process.kill(pid, 0);
    return true;
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    return code === 'ESRCH' ? false : code === 'EPERM' ? true : null;
  }
}

/**
 * The lock file through the adapter; on desktop created with the file system's exclusive create (as the CLI does),
 * so that Obsidian and the CLI can never both create it. The adapter alone has no exclusive create.
 */
function lockFile(plugin: Plugin, node: NodeModules | null): LockFilePort {
  const file = PluginConfigFile.inPluginFolder(plugin, SYNC_LOCK_FILE);
  const adapter: unknown = plugin.app.vault.adapter;
  const fullPath = (adapter as { getFullPath?: (path: string) => string }).getFullPath;
  if (!node || typeof fullPath !== 'function') return file;
  const full = fullPath.call(adapter, file.path);
  return {
    path: full,
    read: () => file.read(),
    write: (text) => file.write(text),
    remove: () => file.remove(),
    create: (text) => {
      node.fs.mkdirSync(node.path.dirname(full), { recursive: true });
      try {
        node.fs.writeFileSync(full, text, { encoding: 'utf8', flag: 'wx' });
        return Promise.resolve(true);
      } catch (err) {
        if ((err as { code?: string } | null)?.code === 'EEXIST') return Promise.resolve(false);
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
  };
}

/** The lock options, built when a sync first needs them (Node's `os` is looked up then, never at start-up). */
export function pluginSyncLock(plugin: Plugin): SyncLockOptions {
  const node = nodeModules();
  return {
    file: lockFile(plugin, node),
    owner: { tool: 'plugin', pid: node ? node.process.pid : null, host: node ? node.os.hostname() : 'a mobile device' },
    clock: windowClock,
    isRunning: node ? (pid) => processRunning(node, pid) : undefined,
    waitMs: PLUGIN_LOCK_WAIT_MS,
  };
}
