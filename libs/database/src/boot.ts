/**
 * What an entry point needs to start the database before the app's modules load: the package
 * index also loads TypeORM and the migrations, which the API loads meanwhile instead.
 */
export { connectDatabase, type ConnectedDatabase } from './connect.js';
