import { randomUUID } from 'node:crypto';
import { expectStatus, invitePerson, registerEntrepreneur, type Session } from './factories.js';
import type { TestServer } from './test-server.js';

export const SAMPLE_QUESTIONS = [
  { key: 'idea', label: 'Vad vill du pröva?', type: 'long_text', required: true },
  { key: 'team_size', label: 'Hur många är ni?', type: 'number', required: true },
  { key: 'stage', label: 'Hur långt har ni kommit?', type: 'single_choice', required: true, options: ['idea', 'prototype', 'pilot'] },
  { key: 'sectors', label: 'Sektorer', type: 'multiple_choice', required: false, options: ['civil', 'public', 'private', 'academic'] },
];

export const SAMPLE_RUBRIC = [
  { key: 'impact', label: 'Social impact', weight: 3 },
  { key: 'feasibility', label: 'Feasibility', weight: 1 },
];

export const SAMPLE_ANSWERS = { idea: 'Språkcaféer på biblioteket', team_size: 3, stage: 'prototype', sectors: ['civil', 'public'] };

export interface ProgrammeBody {
  id: string;
  name: string;
  managerIds: string[];
  version: number;
}

export interface CohortBody {
  id: string;
  programmeId: string;
  state: string;
  seats: number;
  startsOn: string | null;
  endsOn: string | null;
  version: number;
}

export interface ApplicationBody {
  id: string;
  cohortId: string;
  applicantId: string;
  state: string;
  version: number;
}

export async function createProgramme(server: TestServer, admin: Session, overrides: Record<string, unknown> = {}): Promise<ProgrammeBody> {
  const body = { name: `Acceleratorn ${randomUUID().slice(0, 6)}`, description: 'Social innovation i Helsingborg', defaultQuestions: SAMPLE_QUESTIONS, defaultRubric: SAMPLE_RUBRIC, ...overrides };
  return expectStatus(await server.http.post('/api/programmes').set(admin.auth).send(body), 201, 'create programme');
}

/** A new programme and a programme manager invited to it (the invitation's scope makes them its manager). */
export async function programmeWithManager(server: TestServer, admin: Session, overrides: Record<string, unknown> = {}): Promise<{ programme: ProgrammeBody; manager: Session }> {
  const programme = await createProgramme(server, admin, overrides);
  const manager = await invitePerson(server, admin, 'programme_manager', { programmeId: programme.id }, 'Programledare Test');
  return { programme, manager };
}

/** A cohort whose application window is open now and for a week. */
export const cohortBody = (programmeId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  programmeId,
  name: `Kohort ${randomUUID().slice(0, 6)}`,
  startsOn: '2026-09-01',
  endsOn: '2027-01-31',
  applicationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
  applicationClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  seats: 5,
  languages: ['sv', 'en'],
  ...overrides,
});

export async function createCohort(server: TestServer, manager: Session, programmeId: string, overrides: Record<string, unknown> = {}): Promise<CohortBody> {
  return expectStatus(await server.http.post('/api/cohorts').set(manager.auth).send(cohortBody(programmeId, overrides)), 201, 'create cohort');
}

export async function moveCohort(server: TestServer, manager: Session, cohortId: string, to: string): Promise<CohortBody> {
  return expectStatus(await server.http.post(`/api/cohorts/${cohortId}/transitions`).set(manager.auth).send({ to }), 200, `move cohort to ${to}`);
}

export async function openCohort(server: TestServer, manager: Session, programmeId: string, overrides: Record<string, unknown> = {}): Promise<CohortBody> {
  const cohort = await createCohort(server, manager, programmeId, overrides);
  return moveCohort(server, manager, cohort.id, 'open');
}

/** A reviewer invited to the cohort by its manager. */
export const cohortReviewer = (server: TestServer, manager: Session, cohortId: string, displayName = 'Jurymedlem Test'): Promise<Session> =>
  invitePerson(server, manager, 'reviewer', { cohortId }, displayName);

export async function applyTo(server: TestServer, entrepreneur: Session, cohortId: string, answers: Record<string, unknown> = SAMPLE_ANSWERS): Promise<ApplicationBody> {
  return expectStatus(await server.http.post(`/api/cohorts/${cohortId}/applications`).set(entrepreneur.auth).send({ answers }), 201, 'apply');
}

/** A new entrepreneur with a submitted application to the (open) cohort. */
export async function submittedApplicant(server: TestServer, cohortId: string, displayName = 'Sökande Test'): Promise<{ entrepreneur: Session; application: ApplicationBody }> {
  const entrepreneur = await registerEntrepreneur(server, displayName);
  const draft = await applyTo(server, entrepreneur, cohortId);
  const application = await expectStatus<ApplicationBody>(await server.http.post(`/api/applications/${draft.id}/submit`).set(entrepreneur.auth), 200, 'submit');
  return { entrepreneur, application };
}

export async function assignReviewer(server: TestServer, manager: Session, applicationId: string, reviewerId: string): Promise<void> {
  await expectStatus(await server.http.post(`/api/applications/${applicationId}/assignments`).set(manager.auth).send({ reviewerId }), 201, 'assign reviewer');
}

export async function review(server: TestServer, reviewer: Session, applicationId: string, scores: Record<string, number>, comment = ''): Promise<void> {
  await expectStatus(await server.http.post(`/api/applications/${applicationId}/reviews`).set(reviewer.auth).send({ scores, comment }), 201, 'review');
}
