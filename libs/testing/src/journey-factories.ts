import { HELSINGBORG, createDepartment, createTestEnvironment, departmentMember, submittedChallenge } from './challenge-factories.js';
import { expectStatus, loginAdmin, type Session } from './factories.js';
import { moveCohort, openCohort, programmeWithManager, submittedApplicant } from './programme-factories.js';
import type { TestServer } from './test-server.js';

export interface ParticipantSpec {
  displayName: string;
  competences?: string[];
  themes?: string[];
  sdgs?: number[];
  languages?: string[];
  municipalityCode?: string;
  hoursPerWeek?: number;
}

export interface Participant extends Session {
  displayName: string;
  applicationId: string;
}

export interface MatchingCohort {
  admin: Session;
  manager: Session;
  cohortId: string;
  departmentId: string;
  member: Session;
  challengeIds: string[];
  participants: Participant[];
}

/**
 * A cohort in `selecting`, built through the API as people would: a department with a
 * member, its challenges submitted and approved into the cohort, and applicants with
 * profiles who applied and were accepted.
 */
export async function cohortReadyForMatching(
  server: TestServer,
  spec: { participants: ParticipantSpec[]; challenges: Record<string, unknown>[] },
): Promise<MatchingCohort> {
  const admin = await loginAdmin(server);
  const { programme, manager } = await programmeWithManager(server, admin);
  const cohort = await openCohort(server, manager, programme.id, { seats: spec.participants.length });
  const department = await createDepartment(server, admin);
  const member = await departmentMember(server, admin, department.id);

  const challengeIds: string[] = [];
  for (const overrides of spec.challenges) {
    const challenge = await submittedChallenge(server, member, department.id, overrides);
    await expectStatus(
      await server.http.post(`/api/challenges/${challenge.id}/review`).set(manager.auth).send({ decision: 'approve', cohortId: cohort.id }),
      200,
      'approve challenge',
    );
    challengeIds.push(challenge.id);
  }

  const participants: Participant[] = [];
  for (const person of spec.participants) {
    const { entrepreneur, application } = await submittedApplicant(server, cohort.id, person.displayName);
    await expectStatus(
      await server.http
        .put('/api/entrepreneurs/me')
        .set(entrepreneur.auth)
        .send({
          kind: 'social_entrepreneur',
          competences: person.competences ?? [],
          themes: person.themes ?? [],
          sdgs: person.sdgs ?? [],
          languages: person.languages ?? ['sv'],
          municipalityCode: person.municipalityCode ?? HELSINGBORG,
          hoursPerWeek: person.hoursPerWeek ?? 10,
        }),
      201,
      'save profile',
    );
    participants.push({ ...entrepreneur, displayName: person.displayName, applicationId: application.id });
  }
  await moveCohort(server, manager, cohort.id, 'selecting');
  for (const participant of participants) {
    await expectStatus(await server.http.post(`/api/applications/${participant.applicationId}/decision`).set(manager.auth).send({ decision: 'accept' }), 200, 'accept applicant');
  }
  return { admin, manager, cohortId: cohort.id, departmentId: department.id, member, challengeIds, participants };
}

export const GRADUATION_CRITERIA = [
  { key: 'tested_with_users', label: 'Lösningen är testad med riktiga användare' },
  { key: 'need_owner_agrees', label: 'Behovsägaren har tagit ställning till fortsättningen' },
];

export interface ProposedCohort extends MatchingCohort {
  /** Offered by every challenge: one that requires written consent, one that does not. */
  consentEnvironmentId: string;
  openEnvironmentId: string;
  /** The participants' proposed matches, in participant order; each on its own challenge. */
  matchIds: string[];
}

export interface TrackedCohort extends ProposedCohort {
  /** The participants' tracks, in participant order; each on its own challenge. */
  trackIds: string[];
}

/**
 * A cohort whose participants each have a match proposed and not yet answered, built over
 * HTTP: the department keeps two test environments, every challenge ("Utmaning för <name>")
 * offers both, the cohort has graduation criteria, and a pinned run pairs participant i with
 * challenge i.
 */
export async function cohortWithProposals(server: TestServer, participantNames: string[]): Promise<ProposedCohort> {
  const cohort = await cohortReadyForMatching(server, { participants: participantNames.map((displayName) => ({ displayName })), challenges: [] });
  const { manager, member, departmentId, cohortId } = cohort;
  const consent = await createTestEnvironment(server, member, departmentId, { name: 'Fritidsgården Dalhem', writtenConsentRequired: true });
  const open = await createTestEnvironment(server, member, departmentId, { name: 'Stadsbiblioteket', writtenConsentRequired: false });

  const etag = (await server.http.get(`/api/cohorts/${cohortId}`).set(manager.auth)).headers.etag;
  await expectStatus(await server.http.put(`/api/cohorts/${cohortId}`).set(manager.auth).set('If-Match', etag).send({ graduationCriteria: GRADUATION_CRITERIA }), 200, 'set graduation criteria');

  for (const name of participantNames) {
    const challenge = await submittedChallenge(server, member, departmentId, { title: `Utmaning för ${name}`, testEnvironmentIds: [consent.id, open.id] });
    await expectStatus(await server.http.post(`/api/challenges/${challenge.id}/review`).set(manager.auth).send({ decision: 'approve', cohortId }), 200, 'approve challenge');
    cohort.challengeIds.push(challenge.id);
  }
  const pins = cohort.participants.map((participant, i) => ({ participantId: participant.userId, challengeId: cohort.challengeIds[i] }));
  const run = await expectStatus(await server.http.post(`/api/cohorts/${cohortId}/matching-runs`).set(manager.auth).send({ algorithm: 'optimal', pins }), 201, 'run');
  const matches = (await expectStatus(await server.http.post(`/api/matching-runs/${run.id}/publish`).set(manager.auth).send({}), 201, 'publish')) as unknown as {
    items: { id: string; participantId: string }[];
  };
  const matchIds = cohort.participants.map((participant) => matches.items.find((m) => m.participantId === participant.userId)?.id ?? '');
  return { ...cohort, consentEnvironmentId: consent.id, openEnvironmentId: open.id, matchIds };
}

/** As cohortWithProposals, with both sides having accepted each match, so each participant has a track in `matched`. */
export async function cohortWithTracks(server: TestServer, participantNames: string[]): Promise<TrackedCohort> {
  const cohort = await cohortWithProposals(server, participantNames);
  for (const [i, participant] of cohort.participants.entries()) {
    await acceptMatch(server, participant, cohort.matchIds[i]);
    await acceptMatch(server, cohort.member, cohort.matchIds[i]);
  }
  const tracks = (await expectStatus(await server.http.get(`/api/tracks?cohortId=${cohort.cohortId}`).set(cohort.manager.auth), 200, 'list tracks')) as { items: { id: string; participantId: string }[] };
  const trackIds = cohort.participants.map((participant) => tracks.items.find((t) => t.participantId === participant.userId)?.id ?? '');
  return { ...cohort, trackIds };
}

/** One side's yes to a proposed match. */
export async function acceptMatch(server: TestServer, side: Session, matchId: string): Promise<void> {
  await expectStatus(await server.http.post(`/api/matches/${matchId}/respond`).set(side.auth).send({ response: 'accept' }), 200, 'accept match');
}
