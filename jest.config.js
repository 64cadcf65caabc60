/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Same as the synth entry points: no per-token stack traces (see scripts/token-traces.js).
  setupFiles: ['<rootDir>/scripts/token-traces.js'],
  // Removes the temporary folders a test file creates (its own and cdktf's test outdirs).
  setupFilesAfterEnv: ['<rootDir>/test/support/temp-dirs.ts'],
  // The examples import the package root, as a user's code would: here it is the repository's lib/.
  moduleNameMapper: { '^aks-checklist-cdktf$': '<rootDir>/lib/index.ts', '^aks-checklist-cdktf/dist/(.*)$': '<rootDir>/lib/$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // Synth-heavy suites: two workers match the two-core CI machines.
  maxWorkers: 2,
};
