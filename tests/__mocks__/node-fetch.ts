/**
 * Stand-in for node-fetch v3, which is ESM-only and cannot be loaded by jest's CommonJS runtime. citation-js's core
 * requires it for its URL input plugins, which the library reader never uses: any call is a bug, so it throws.
 */
function fetchUnavailable(): never {
  throw new Error('node-fetch is not available in tests: the library reader must not fetch');
}

export default fetchUnavailable;
export class Headers {}
export class Request {}
export class Response {}
