import { createHash, randomBytes } from 'node:crypto';

/** A sign-up's personal token: in its link only; the database keeps its hash. */
export const newParticipationToken = (): string => randomBytes(32).toString('base64url');

export const hashParticipationToken = (token: string): string => createHash('sha256').update(token).digest('hex');
