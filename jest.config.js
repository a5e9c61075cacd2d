/** Jest: ts-jest over tests/, `obsidian` mapped to the documented mock (the npm package is types only). */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  moduleNameMapper: {
    '^obsidian$': '<rootDir>/tests/__mocks__/obsidian.ts',
    // citation-js requires node-fetch v3 (ESM-only) for URL inputs the reader never uses.
    '^node-fetch$': '<rootDir>/tests/__mocks__/node-fetch.ts',
  },
  globalSetup: '<rootDir>/tests/global-setup.js',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
