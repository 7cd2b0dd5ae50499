import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed client of the API, generated from apps/api/openapi.json (`npm run client`). */
export const api = createClient<paths>({ baseUrl: '' });

export type Schemas = components['schemas'];

/** A record's version as the API's If-Match wants it. */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
