/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Same as the synth entry points: no per-token stack traces (see scripts/token-traces.js).
  setupFiles: ['<rootDir>/scripts/token-traces.js'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  // Synth-heavy suites: two workers match the two-core CI machines.
  maxWorkers: 2,
};
