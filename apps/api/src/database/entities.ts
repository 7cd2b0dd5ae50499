import type { EntityList } from '@samverka/database';
import { challengesEntities } from '@samverka/challenges';
import { dialogueEntities } from '@samverka/dialogue';
import { identityEntities } from '@samverka/identity';
import { impactEntities } from '@samverka/impact';
import { partnersEntities } from '@samverka/partners';
import { platformEntities } from '@samverka/platform';
import { programmesEntities } from '@samverka/programmes';
import { tracksEntities } from '@samverka/tracks';

/**
 * Every entity of every context: the data source and `migration:generate` see the same list.
 * A new entity joins its context's list (`tracksEntities`, …), nothing else; a new context joins
 * this list (and the worker's, if the worker runs it).
 */
export const entities: EntityList = [...platformEntities, ...identityEntities, ...programmesEntities, ...tracksEntities, ...challengesEntities, ...impactEntities, ...partnersEntities, ...dialogueEntities];
