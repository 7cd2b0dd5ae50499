import {
  applyTo,
  createDepartment,
  createTestEnvironment,
  departmentMember,
  expectStatus,
  HELSINGBORG,
  loginAdmin,
  moveCohort,
  openCohort,
  programmeWithManager,
  registerEntrepreneur,
  submittedApplicant,
  submittedChallenge,
  type Session,
  type TestServer,
} from '@samverka/testing';

export interface Person extends Session {
  displayName: string;
  applicationId: string;
}

export interface ImpactCohort {
  admin: Session;
  manager: Session;
  programmeId: string;
  cohortId: string;
  /** Per department (in the order given): its member, its test environment and its challenges. */
  departments: { id: string; member: Session; environmentId: string; challengeIds: string[] }[];
  /** Accepted participants, in the order given. */
  participants: Person[];
  /** Applied and was rejected. */
  rejected: Person;
  /** The participants' tracks by participant index; only the first `pairs.length` have one. */
  trackIds: string[];
}

export interface CohortPlan {
  participants: { name: string; sdgs: number[] }[];
  rejected: { name: string; sdgs: number[] };
  departments: { name: string; challenges: { title: string; sdgs: number[] }[] }[];
  /** Participant index → [department index, challenge index]: pinned, published and accepted by both sides. */
  pairs: [number, number][];
}

const respond = async (server: TestServer, side: Session, matchId: string): Promise<void> => {
  await expectStatus(await server.http.post(`/api/matches/${matchId}/respond`).set(side.auth).send({ response: 'accept' }), 200, 'accept match');
};

/**
 * A cohort built over HTTP as people would: departments with members, test environments and
 * approved challenges; applicants with profiles, accepted or rejected, plus one who never
 * submitted; a pinned matching run, published and accepted, so the paired participants have tracks.
 */
export async function impactCohort(server: TestServer, plan: CohortPlan): Promise<ImpactCohort> {
  const admin = await loginAdmin(server);
  const { programme, manager } = await programmeWithManager(server, admin);
  const cohort = await openCohort(server, manager, programme.id, { seats: plan.participants.length + 1 });

  const apply = async ({ name, sdgs }: { name: string; sdgs: number[] }): Promise<Person> => {
    const { entrepreneur, application } = await submittedApplicant(server, cohort.id, name);
    const profile = { kind: 'social_entrepreneur', competences: [], themes: [], sdgs, languages: ['sv'], municipalityCode: HELSINGBORG, hoursPerWeek: 10 };
    await expectStatus(await server.http.put('/api/entrepreneurs/me').set(entrepreneur.auth).send(profile), 201, 'save profile');
    return { ...entrepreneur, displayName: name, applicationId: application.id };
  };
  const participants: Person[] = [];
  for (const person of plan.participants) participants.push(await apply(person));
  const rejected = await apply(plan.rejected);
  // A draft is not an application yet: the funnel must not count it.
  await applyTo(server, await registerEntrepreneur(server, 'Anna Annanstans'), cohort.id);

  const departments: ImpactCohort['departments'] = [];
  for (const { name, challenges } of plan.departments) {
    const department = await createDepartment(server, admin, { name });
    const member = await departmentMember(server, admin, department.id);
    const environment = await createTestEnvironment(server, member, department.id, { writtenConsentRequired: false });
    const challengeIds: string[] = [];
    for (const { title, sdgs } of challenges) {
      const challenge = await submittedChallenge(server, member, department.id, { title, sdgs, testEnvironmentIds: [environment.id] });
      await expectStatus(await server.http.post(`/api/challenges/${challenge.id}/review`).set(manager.auth).send({ decision: 'approve', cohortId: cohort.id }), 200, 'approve challenge');
      challengeIds.push(challenge.id);
    }
    departments.push({ id: department.id, member, environmentId: environment.id, challengeIds });
  }

  await moveCohort(server, manager, cohort.id, 'selecting');
  for (const person of participants) {
    await expectStatus(await server.http.post(`/api/applications/${person.applicationId}/decision`).set(manager.auth).send({ decision: 'accept' }), 200, 'accept');
  }
  await expectStatus(await server.http.post(`/api/applications/${rejected.applicationId}/decision`).set(manager.auth).send({ decision: 'reject' }), 200, 'reject');

  const pins = plan.pairs.map(([department, challenge], i) => ({ participantId: participants[i].userId, challengeId: departments[department].challengeIds[challenge] }));
  const run = await expectStatus(await server.http.post(`/api/cohorts/${cohort.id}/matching-runs`).set(manager.auth).send({ algorithm: 'optimal', pins }), 201, 'run');
  const published = await expectStatus(await server.http.post(`/api/matching-runs/${run.id}/publish`).set(manager.auth).send({}), 201, 'publish');
  const matches = (published as unknown as { items: { id: string; participantId: string }[] }).items;
  const trackIds: string[] = [];
  for (const [i, [department]] of plan.pairs.entries()) {
    const match = matches.find((m) => m.participantId === participants[i].userId);
    if (!match) throw new Error(`no match proposed for ${participants[i].displayName}`);
    await respond(server, participants[i], match.id);
    await respond(server, departments[department].member, match.id);
  }
  const tracks = (await expectStatus(await server.http.get(`/api/tracks?cohortId=${cohort.id}`).set(manager.auth), 200, 'list tracks')) as unknown as {
    items: { id: string; participantId: string }[];
  };
  for (const person of participants.slice(0, plan.pairs.length)) trackIds.push(tracks.items.find((t) => t.participantId === person.userId)?.id ?? '');
  return { admin, manager, programmeId: programme.id, cohortId: cohort.id, departments, participants, rejected, trackIds };
}
