import { StateMachine } from '@samverka/platform';
import { APPLICATION_TRANSITIONS, type ApplicationState } from './application-transitions.js';

export * from './application-transitions.js';

export const applicationLifecycle = new StateMachine<ApplicationState>('application', APPLICATION_TRANSITIONS);
