export { TestServer, ADMIN, freePort, type TestServerOptions } from './test-server.js';
export * from './factories.js';
export { TestWorker } from './test-worker.js';
export * from './challenge-factories.js';
export * from './programme-factories.js';
export * from './journey-factories.js';
export * from './worker-helpers.js';
export * from './database-helpers.js';
export * from './agenda-factories.js';
