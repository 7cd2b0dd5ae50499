import { readFileSync } from 'node:fs';

const swcrc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
// Jest resolves the @samverka/* aliases itself (moduleNameMapper), so swc must not rewrite them.
const { baseUrl: _baseUrl, paths: _paths, ...jsc } = swcrc.jsc;

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, jsc, module: { type: 'es6' }, sourceMaps: 'inline' }],
  },
  moduleNameMapper: {
    '^@samverka/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@samverka/([a-z-]+)/boot$': '<rootDir>/libs/$1/src/boot.ts',
    '^@web/(.*)$': '<rootDir>/apps/web/src/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // Several instances and their faults take over a minute: `npm run test:instances` runs them.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/instances/'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // Set-ups seed through the API and start servers: on a busy machine they can pass 30 s.
  testTimeout: 60_000,
  maxWorkers: 2,
};
