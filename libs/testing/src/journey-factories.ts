import { HELSINGBORG, createDepartment, departmentMember, submittedChallenge } from './challenge-factories.js';
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
