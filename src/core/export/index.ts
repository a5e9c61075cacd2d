/**
 * The export file as a thing that changes under us: where it is (an absolute path or a vault path) and when a
 * rewrite by Better BibTeX has settled enough to be read. Reading what is in it is the library domain's job.
 */
export { expandHome, EXPORT_ON_ANOTHER_COMPUTER, exportPathInVault, isAbsoluteExportPath } from './export-path';
export { exportFileProblem, MAX_EXPORT_BYTES, type ExportFileInfo } from './export-file-check';
export { ExportSettler, type ExportSettlerOptions, type SettleOutcome, type SettleRun, type SettlerState, type SettleTimers } from './export-settler';
