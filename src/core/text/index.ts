/** Text helpers every domain shares: hashing, edits, line endings, managed regions, messages. */
export { listSome, plural } from './counts';
export { errorMessage } from './error-message';
export { hashBytes, hashString, hashValue } from './fingerprint';
export { applyTextEdits, minimalEdits, singleEdit, type TextEdit } from './text-edits';
export { beginMarker, endMarker, findRegions, wrapRegion, type ManagedRegion } from './managed-region';
