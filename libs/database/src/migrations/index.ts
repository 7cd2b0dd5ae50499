import { Platform1763900000000 } from './1763900000000-platform.js';

/** Every migration, oldest first. A new migration is added here when it is generated. */
export const migrations = [Platform1763900000000];
