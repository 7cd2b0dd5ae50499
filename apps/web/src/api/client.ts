import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed client of the API, generated from apps/api/openapi.json (`npm run client`). */
export const api = createClient<paths>({ baseUrl: '' });

export type Schemas = components['schemas'];
