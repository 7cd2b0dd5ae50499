import { StateMachine } from '@samverka/platform';
import { APPLICATION_TRANSITIONS, type ApplicationState } from './application-transitions.js';
import type { Application } from './application.entity.js';

export * from './application-transitions.js';

/** What an application hook is told: the application that moves, already in its new state (its row is locked). */
export interface ApplicationSubject {
  application: Application;
}

/**
 * The application lifecycle, and everything that reacts to its moves (each slot names the
 * context that fills it; the app refuses to start when the hooks it finds differ):
 *
 * - `decided` (after → accepted, waitlisted, rejected), filled by programmes: the applicant is
 *   told the decision, with the manager's note, in the app and by email.
 */
export const applicationLifecycle = new StateMachine<ApplicationState, ApplicationSubject, 'decided'>('application', APPLICATION_TRANSITIONS, {
  decided: { phase: 'after', on: ['accepted', 'waitlisted', 'rejected'], filledBy: ['programmes'], purpose: 'the applicant is told the decision' },
});
