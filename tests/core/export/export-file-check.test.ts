import { exportFileProblem, MAX_EXPORT_BYTES } from '../../../src/core/export';

describe('exportFileProblem', () => {
  it('takes a regular file up to the size limit, and says what else a path is', () => {
    expect(exportFileProblem({ isFile: true, isDirectory: false, size: MAX_EXPORT_BYTES })).toBeNull();
    expect(exportFileProblem({ isFile: true, isDirectory: false, size: 600 * 1024 * 1024 })).toBe('it is 600 MB, more than any Better BibTeX export (at most 512 MB is read)');
    expect(exportFileProblem({ isFile: false, isDirectory: true, size: 4096 })).toBe('it is a folder, not a file');
    expect(exportFileProblem({ isFile: false, isDirectory: false, size: 0 })).toMatch(/^it is not a regular file/);
  });
});
