/** Small helpers shared by the Node filesystem backend: error codes and the "inside the root" test. */
import * as path from 'node:path';

/** Error codes meaning "nothing there" for a path or one of its parents. */
export const MISSING = new Set(['ENOENT', 'ENOTDIR']);

export function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? '';
}

/** Whether the resolved absolute path `real` is `root` itself or lies below it. */
export function isInsideRoot(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
