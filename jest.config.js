/**
 * Jest: ts-jest over tests/, `obsidian` mapped to the documented mock (the npm package is types only).
 * The suites that read the shared fixtures (real BBT exports outside the repository) are left out, with one line
 * saying so, when the fixtures are not there, so a fresh clone passes `npm test`; ZCN_REQUIRE_FIXTURES=1 (set by
 * .ci/run) makes that a failure instead.
 */
const { MANIFEST, missingFixtures, suitesReadingFixtures } = require('./tests/support/shared-fixtures.js');

function fixtureSuitesToLeaveOut() {
  const { dir, total, missing } = missingFixtures(__dirname);
  if (missing.length === 0) return [];
  if (missing.length < total) {
    throw new Error(`${missing.length} of the ${total} shared fixtures are missing from ${dir} (e.g. ${missing[0]}); see ${MANIFEST}.`);
  }
  const why = `no shared fixtures in ${dir}`;
  if (process.env.ZCN_REQUIRE_FIXTURES === '1') throw new Error(`ZCN_REQUIRE_FIXTURES=1 but ${why}: set ZCN_FIXTURES to the fixtures folder (${MANIFEST}).`);
  const suites = suitesReadingFixtures(__dirname);
  console.log(`Skipping ${suites.length} test suites that read real exports: ${why}. Set ZCN_FIXTURES to that folder (its files and their public sources: ${MANIFEST}).`);
  return suites;
}

const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testPathIgnorePatterns: ['/node_modules/', ...fixtureSuitesToLeaveOut().map((suite) => `<rootDir>/${escape(suite)}$`)],
  moduleNameMapper: {
    '^obsidian$': '<rootDir>/tests/__mocks__/obsidian.ts',
    // citation-js requires node-fetch v3 (ESM-only) for URL inputs the reader never uses.
    '^node-fetch$': '<rootDir>/tests/__mocks__/node-fetch.ts',
  },
  globalSetup: '<rootDir>/tests/global-setup.js',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
