import { DemoClient } from './demo-client.js';
import {
  APPLICANTS,
  DEMO_PASSWORD,
  DEPARTMENTS,
  DIALOGUE,
  EARLIER_CHALLENGES,
  EARLIER_COHORT,
  EARLIER_DEPARTMENT_RESEARCH_USE,
  EARLIER_METHOD_CARD,
  EARLIER_PARTICIPANTS,
  HELSINGBORG,
  LEARNINGS,
  OTHER_CHALLENGES,
  PARTNER_POSTS,
  PROGRAMME,
  routeToAdoption,
  type EarlierLearning,
} from './demo-data.js';

export interface DemoLogin {
  role: string;
  name: string;
  email: string;
  password: string;
}

interface Person {
  id: string;
  token: string;
  name: string;
  email: string;
}

type Json = Record<string, unknown>;

interface Department {
  id: string;
  member: Person;
  environmentId: string;
}

type Stage = 'matched' | 'co_design' | 'test_environment' | 'evaluation' | 'graduated' | 'discontinued';

/** What happens on a track on its way (see `walk`); days are from today. */
interface TrackStory {
  testStartsOn: number;
  testSessionOn: number;
  usersInvolved: number;
  /** Scales the track's measurements, so that tracks differ. */
  measured: number;
  /** What came of it, for a track that graduates. */
  outcome?: 'adopted_by_department' | 'continued_as_venture';
  /** Records what was learned by the end of co-design, and by the end of the test. */
  learn(stage: 'co_design' | 'test_environment'): Promise<unknown>;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Seeds the demo through the public API, so every rule, transition, audit event and
 * notification of the real product applies to it: a programme, five departments with test
 * environments, challenges in several states (one drafted from a need raised at a dialogue
 * meeting, with an upcoming meeting open for sign-up), an autumn cohort with twenty applicants and
 * their reviews, a published matching run and tracks in every stage; a spring cohort in
 * selection, with applications waiting for the jury's scores and the manager's decision; and,
 * before them all, a finished cohort whose open data is published.
 */
export class DemoSeed {
  private readonly logins: DemoLogin[] = [];

  constructor(
    private readonly api: DemoClient,
    /** The demo's addresses are made up, so no one can follow their confirmation links: the seed confirms them. */
    private readonly confirmEmail: (email: string) => Promise<void>,
    /** The API moves a track only now; the demo has been running for weeks, so one track has sat in its stage past the norm. */
    private readonly backdateStage: (trackId: string, days: number) => Promise<void>,
  ) {}

  async run(adminEmail: string, adminPassword: string): Promise<DemoLogin[]> {
    const admin = await this.signIn(adminEmail, adminPassword, 'Administratör');
    this.logins.push({ role: 'admin', name: admin.name, email: adminEmail, password: adminPassword });

    const programme = await this.api.call<{ id: string }>('POST', '/api/programmes', admin.token, PROGRAMME);
    const manager = await this.invite(admin, 'programme_manager', 'Maria Nilsson', 'maria.nilsson@example.org', { programmeId: programme.id });
    const metrics = await this.metrics(programme.id, manager);
    const departments = await this.departments(admin, manager);
    await this.earlierCohort(programme.id, manager, departments, metrics);

    const now = Date.now();
    const cohort = await this.api.call<{ id: string }>('POST', '/api/cohorts', manager.token, {
      programmeId: programme.id,
      name: 'Hösten 2026',
      startsOn: day(-30),
      endsOn: day(120),
      applicationOpensAt: new Date(now - 86_400_000).toISOString(),
      applicationClosesAt: new Date(now + 14 * 86_400_000).toISOString(),
      seats: 9,
      languages: ['sv'],
    });
    const challenges = await this.challenges(manager, departments, cohort.id);
    await this.move(manager, cohort.id, 'open');
    const reviewers = [
      await this.invite(manager, 'reviewer', 'Karl Jurysson', 'karl.jurysson@example.org', { cohortId: cohort.id }),
      await this.invite(manager, 'reviewer', 'Birgitta Domare', 'birgitta.domare@example.org', { cohortId: cohort.id }),
    ];
    const applicants = await this.applications(cohort.id, manager, reviewers);
    await this.move(manager, cohort.id, 'selecting');
    const participants = await this.decide(manager, applicants);
    await this.matching(cohort.id, manager, participants, departments, challenges);
    await this.move(manager, cohort.id, 'running');
    await this.tracks(cohort.id, manager, departments, metrics);
    await this.methodCard(cohort.id, manager);
    await this.partnerBoard(manager, departments, participants);
    await this.spring(programme.id, manager, reviewers, applicants.filter((applicant) => !participants.includes(applicant)).slice(0, 6));
    return this.logins;
  }

  private async signIn(email: string, password: string, name: string): Promise<Person> {
    const token = await this.api.login(email, password);
    const me = await this.api.call<{ id: string }>('GET', '/api/me', token);
    return { id: me.id, token, name, email };
  }

  private async invite(inviter: Person, role: string, name: string, email: string, scope: Json = {}): Promise<Person> {
    const { token } = await this.api.call<{ token: string }>('POST', '/api/invitations', inviter.token, { email, role, ...scope });
    await this.api.call('POST', '/api/auth/accept-invitation', undefined, { token, password: DEMO_PASSWORD, displayName: name });
    const person = await this.signIn(email, DEMO_PASSWORD, name);
    if (!this.logins.some((login) => login.role === role)) this.logins.push({ role, name, email, password: DEMO_PASSWORD });
    return person;
  }

  private move(manager: Person, cohortId: string, to: string): Promise<unknown> {
    return this.api.call('POST', `/api/cohorts/${cohortId}/transitions`, manager.token, { to, reason: 'Demo' });
  }

  /** Five departments, each with a member and a test environment. */
  private async departments(admin: Person, manager: Person): Promise<Department[]> {
    const result: Department[] = [];
    for (const [index, spec] of DEPARTMENTS.entries()) {
      const department = await this.api.call<{ id: string }>('POST', '/api/departments', admin.token, {
        name: spec.name,
        organisation: 'Helsingborgs stad',
        municipalityCode: HELSINGBORG,
        description: `${spec.name} i Helsingborgs stad.`,
      });
      const { invitation } = await this.api.call<{ invitation: { token: string } }>('POST', `/api/departments/${department.id}/members`, manager.token, { email: spec.member.email });
      await this.api.call('POST', '/api/auth/accept-invitation', undefined, { token: invitation.token, password: DEMO_PASSWORD, displayName: spec.member.name });
      const member = await this.signIn(spec.member.email, DEMO_PASSWORD, spec.member.name);
      if (index === 0) this.logins.push({ role: 'department_member', name: member.name, email: member.email, password: DEMO_PASSWORD });
      const environment = await this.api.call<{ id: string }>('POST', `/api/departments/${department.id}/test-environments`, member.token, {
        name: spec.environment.name,
        address: `${spec.environment.name}, Helsingborg`,
        municipalityCode: HELSINGBORG,
        contactName: member.name,
        availableFrom: day(-400),
        availableTo: day(300),
        maxParticipants: 25,
        resources: 'Lokal, personal några timmar i veckan och kontakt med målgruppen.',
        consentRules: 'Deltagarna informeras muntligt och skriftligt och kan när som helst avbryta.',
        writtenConsentRequired: spec.environment.writtenConsentRequired,
      });
      result.push({ id: department.id, member, environmentId: environment.id });
    }
    return result;
  }

  /** Each department's approved challenge for the autumn cohort (their ids, by department), and a few challenges still under way. */
  private async challenges(manager: Person, departments: Department[], cohortId: string): Promise<string[]> {
    const seats = [2, 2, 1, 2, 1];
    const result: string[] = [];
    for (const [index, spec] of DEPARTMENTS.entries()) {
      const { id, member, environmentId } = departments[index];
      const content = { ...spec.challenge, seats: seats[index], testEnvironmentIds: [environmentId] };
      const challenge = index === 0 ? await this.challengeFromDialogue(manager, member, id, content) : await this.challenge(member, id, content);
      await this.api.call('POST', `/api/challenges/${challenge}/review`, manager.token, { decision: 'approve', cohortId, comment: 'Välformulerad utmaning med tydlig behovsägare.' });
      result.push(challenge);
    }
    for (const other of OTHER_CHALLENGES) {
      const { member, id } = departments[other.department];
      const base = { ...DEPARTMENTS[other.department].challenge, title: other.title, seats: 1 };
      if (other.state === 'draft') {
        await this.challenge(member, id, base, false);
        continue;
      }
      const challenge = await this.challenge(member, id, base);
      if (other.state === 'changes_requested') {
        await this.api.call('POST', `/api/challenges/${challenge}/review`, manager.token, { decision: 'request_changes', comment: 'Beskriv målgruppen närmare och vem som äger behovet.' });
      } else if (other.state === 'rejected') {
        await this.api.call('POST', `/api/challenges/${challenge}/review`, manager.token, { decision: 'reject', comment: 'Passar bättre i stadens ordinarie upphandling.' });
      }
    }
    return result;
  }

  /**
   * A dialogue meeting held three weeks ago: people from four sectors signed up (one too many, so
   * the last waited), raised needs and voted; the facilitator merged a duplicate and recorded who
   * came. The department drafted its challenge from the need most people stood behind, then
   * wrote it out. Another meeting is open for sign-up.
   */
  private async challengeFromDialogue(manager: Person, member: Person, departmentId: string, content: Json): Promise<string> {
    // Arranged ahead, as it was: sign-ups close when a meeting begins, so it is moved to its date once they are in.
    const held = { ...DIALOGUE.held, sectors: ['public', 'private', 'civil_society', 'academia'], departmentId };
    const meeting = await this.api.call<{ id: string }>('POST', '/api/dialogue-meetings', manager.token, { ...held, startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    const invitation = await this.api.call<{ consent: { textVersion: number } }>('GET', `/api/dialogue-meetings/${meeting.id}/invitation`);
    const consent = { given: true, textVersion: invitation.consent.textVersion };
    const tokens: string[] = [];
    for (const participant of DIALOGUE.participants) {
      tokens.push((await this.api.call<{ token: string }>('POST', `/api/dialogue-meetings/${meeting.id}/signups`, undefined, { ...participant, consent })).token);
    }
    await this.api.withVersion('PUT', `/api/dialogue-meetings/${meeting.id}`, manager.token, { ...held, startsAt: new Date(Date.now() - 21 * 86_400_000).toISOString() });
    const needs: string[] = [];
    for (const [index, need] of DIALOGUE.needs.entries()) {
      needs.push((await this.api.call<{ id: string }>('POST', `/api/dialogue-participation/${tokens[index]}/needs`, undefined, { ...need, departmentId })).id);
    }
    for (const [participant, need, votes] of DIALOGUE.votes) {
      await this.api.call('PUT', `/api/dialogue-participation/${tokens[participant]}/votes/${needs[need]}`, undefined, { votes });
    }
    await this.api.call('POST', `/api/dialogue-meetings/${meeting.id}/needs/${needs[1]}/merge`, manager.token, { intoNeedId: needs[0] });
    const signups = await this.api.call<{ items: { id: string; status: string }[] }>('GET', `/api/dialogue-meetings/${meeting.id}/signups`, manager.token);
    for (const [index, signup] of signups.items.filter((s) => s.status === 'confirmed').entries()) {
      await this.api.call('PUT', `/api/dialogue-meetings/${meeting.id}/signups/${signup.id}/attendance`, manager.token, { attended: index !== 3 });
    }
    const draft = await this.api.call<{ id: string }>('POST', `/api/dialogue-meetings/${meeting.id}/needs/${needs[0]}/challenge`, member.token, {});
    await this.api.withVersion('PUT', `/api/challenges/${draft.id}`, member.token, { languages: ['sv'], municipalityCode: HELSINGBORG, hoursPerWeek: 10, routeToAdoption: routeToAdoption(member.name), ...content });
    await this.api.call('POST', `/api/challenges/${draft.id}/submit`, member.token);

    await this.api.call('POST', '/api/dialogue-meetings', member.token, {
      ...DIALOGUE.upcoming,
      startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      sectors: ['public', 'civil_society', 'academia'],
    });
    return draft.id;
  }

  private async challenge(member: Person, departmentId: string, content: Json, submit = true): Promise<string> {
    const { id } = await this.api.call<{ id: string }>('POST', '/api/challenges', member.token, {
      departmentId,
      languages: ['sv'],
      municipalityCode: HELSINGBORG,
      hoursPerWeek: 10,
      routeToAdoption: routeToAdoption(member.name),
      ...content,
    });
    if (submit) await this.api.call('POST', `/api/challenges/${id}/submit`, member.token);
    return id;
  }

  /** Someone who signs up on their own, confirms their address and writes their profile. */
  private async entrepreneur(name: string, email: string, profile: Json): Promise<Person> {
    await this.api.call('POST', '/api/auth/register', undefined, { email, password: DEMO_PASSWORD, displayName: name });
    await this.confirmEmail(email);
    const person = await this.signIn(email, DEMO_PASSWORD, name);
    await this.api.call('PUT', '/api/entrepreneurs/me', person.token, profile);
    return person;
  }

  /** Twenty applicants apply; both reviewers score each, one of them stricter than the other. */
  private async applications(cohortId: string, manager: Person, reviewers: Person[]) {
    const applicants: (Person & { applicationId: string; speaksSwedish: boolean })[] = [];
    for (const [index, spec] of APPLICANTS.entries()) {
      const { name, email, ...profile } = spec;
      const person = await this.entrepreneur(name, email, { ...profile, organisation: index % 2 ? 'Eget företag' : 'Ideell förening' });
      const application = await this.api.call<{ id: string }>('POST', `/api/cohorts/${cohortId}/applications`, person.token, {
        answers: { idea: `${spec.pitch} Vi vill testa med målgruppen under hösten.`, stage: ['idé', 'prototyp', 'pilot'][index % 3], team_size: 1 + (index % 4) },
      });
      await this.api.call('POST', `/api/applications/${application.id}/submit`, person.token);
      for (const [r, reviewer] of reviewers.entries()) {
        await this.api.call('POST', `/api/applications/${application.id}/assignments`, manager.token, { reviewerId: reviewer.id });
        const base = 5 - (index % 5);
        const score = (offset: number) => Math.max(1, Math.min(5, base - r + offset));
        await this.api.call('POST', `/api/applications/${application.id}/reviews`, reviewer.token, {
          scores: { need: score(0), feasibility: score(index % 2), scalability: score(-1) },
          comment: r === 0 ? 'Tydlig idé med god förankring.' : 'Behöver konkretiseras, men lovande.',
        });
      }
      applicants.push({ ...person, applicationId: application.id, speaksSwedish: spec.languages.includes('sv') });
    }
    return applicants;
  }

  /** Nine Swedish-speaking applicants are accepted, four waitlisted, the rest declined. */
  private async decide(manager: Person, applicants: (Person & { applicationId: string; speaksSwedish: boolean })[]) {
    const participants: Person[] = [];
    let waitlisted = 0;
    for (const applicant of applicants) {
      const accept = applicant.speaksSwedish && participants.length < 9;
      const decision = accept ? 'accept' : waitlisted++ < 4 ? 'waitlist' : 'reject';
      await this.api.call('POST', `/api/applications/${applicant.applicationId}/decision`, manager.token, { decision, note: 'Beslut i juryns möte.' });
      if (accept) participants.push(applicant);
    }
    return participants;
  }

  /**
   * Rankings, an optimal and a stable run, the stable one published; everyone accepts but one
   * participant, whose seat a second run gives to the one left over.
   */
  private async matching(cohortId: string, manager: Person, participants: Person[], departments: Department[], challenges: string[]) {
    for (const [i, participant] of participants.slice(0, 6).entries()) {
      await this.api.call('PUT', `/api/cohorts/${cohortId}/preferences/mine`, participant.token, { challengeIds: [challenges[i % 5], challenges[(i + 1) % 5]] });
    }
    await this.api.call('POST', `/api/cohorts/${cohortId}/matching-runs`, manager.token, { algorithm: 'optimal' });
    const stable = await this.api.call<{ id: string }>('POST', `/api/cohorts/${cohortId}/matching-runs`, manager.token, { algorithm: 'stable' });
    const published = await this.api.call<{ items: { id: string; participantId: string; departmentId: string; challengeId: string }[] }>(
      'POST',
      `/api/matching-runs/${stable.id}/publish`,
      manager.token,
      { respondBy: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    );
    const memberOf = (challengeId: string) => departments[challenges.indexOf(challengeId)].member;
    const [declined, ...accepted] = published.items;
    for (const match of accepted) {
      await this.api.call('POST', `/api/matches/${match.id}/respond`, participants.find((p) => p.id === match.participantId)?.token, { response: 'accept' });
      await this.api.call('POST', `/api/matches/${match.id}/respond`, memberOf(match.challengeId).token, { response: 'accept', note: 'Välkommen!' });
    }
    // The entrepreneur's demo login is one whose match was confirmed, so that it shows a track.
    const shown = participants.find((p) => p.id === accepted[0].participantId) as Person;
    this.logins.push({ role: 'entrepreneur', name: shown.name, email: shown.email, password: DEMO_PASSWORD });
    const decliner = participants.find((p) => p.id === declined.participantId) as Person;
    await this.api.call('POST', `/api/matches/${declined.id}/respond`, decliner.token, { response: 'decline', note: 'Jag har fått ett annat uppdrag i höst.' });
    const rerun = await this.api.call<{ id: string }>('POST', `/api/cohorts/${cohortId}/matching-runs`, manager.token, {
      algorithm: 'optimal',
      forbidden: [{ participantId: decliner.id, challengeId: declined.challengeId }],
    });
    const filled = await this.api.call<{ items: { id: string; participantId: string; challengeId: string }[] }>('POST', `/api/matching-runs/${rerun.id}/publish`, manager.token, {});
    for (const match of filled.items) {
      await this.api.call('POST', `/api/matches/${match.id}/respond`, participants.find((p) => p.id === match.participantId)?.token, { response: 'accept' });
      await this.api.call('POST', `/api/matches/${match.id}/respond`, memberOf(match.challengeId).token, { response: 'accept' });
    }
  }

  /**
   * Work waiting for the jury and the manager: a spring cohort in selection, to which six
   * autumn applicants who were not taken apply again. Both reviewers have scored two of them;
   * the rest wait for their scores, and every one for the manager's decision.
   */
  private async spring(programmeId: string, manager: Person, reviewers: Person[], applicants: Person[]) {
    const now = Date.now();
    const cohort = await this.api.call<{ id: string }>('POST', '/api/cohorts', manager.token, {
      programmeId,
      name: 'Våren 2027',
      startsOn: day(90),
      endsOn: day(240),
      applicationOpensAt: new Date(now - 86_400_000).toISOString(),
      applicationClosesAt: new Date(now + 30 * 86_400_000).toISOString(),
      seats: 4,
      languages: ['sv'],
    });
    for (const reviewer of reviewers) await this.api.call('POST', `/api/cohorts/${cohort.id}/reviewers`, manager.token, { userId: reviewer.id });
    await this.move(manager, cohort.id, 'open');
    for (const [index, applicant] of applicants.entries()) {
      const application = await this.api.call<{ id: string }>('POST', `/api/cohorts/${cohort.id}/applications`, applicant.token, {
        answers: { idea: 'Vi har arbetat vidare sedan i höstas och vill nu testa med en ny målgrupp.', stage: ['prototyp', 'pilot'][index % 2], team_size: 2 + (index % 3) },
      });
      await this.api.call('POST', `/api/applications/${application.id}/submit`, applicant.token);
      for (const [r, reviewer] of reviewers.entries()) {
        await this.api.call('POST', `/api/applications/${application.id}/assignments`, manager.token, { reviewerId: reviewer.id });
        if (index >= 2) continue;
        await this.api.call('POST', `/api/applications/${application.id}/reviews`, reviewer.token, {
          scores: { need: 4 - r, feasibility: 3 + index, scalability: 3 },
          comment: 'Tydligare än i höstas.',
        });
      }
    }
    await this.move(manager, cohort.id, 'selecting');
  }

  /**
   * The programme's first cohort, finished: eight participants matched with the departments'
   * spring challenges; seven tracks graduated and one ended after its test, each with what its
   * people learned. Some authors consented to research use, the manager approved the texts worth
   * sharing and chose to publish the cohort's open data, and distilled a method card from it,
   * published too.
   */
  private async earlierCohort(programmeId: string, manager: Person, departments: Department[], metrics: string[]) {
    const now = Date.now();
    const cohort = await this.api.call<{ id: string }>('POST', '/api/cohorts', manager.token, {
      programmeId,
      name: EARLIER_COHORT.name,
      startsOn: day(EARLIER_COHORT.startsOn),
      endsOn: day(EARLIER_COHORT.endsOn),
      // Applications are taken only while the window is open: open now, and set to when it was once they are in.
      applicationOpensAt: new Date(now - 86_400_000).toISOString(),
      applicationClosesAt: new Date(now + 86_400_000).toISOString(),
      seats: EARLIER_PARTICIPANTS.length,
      languages: ['sv'],
    });
    const challenges: string[] = [];
    for (const [index, { seats, themes, sdgs, competences, ...content }] of EARLIER_CHALLENGES.entries()) {
      const { id, member, environmentId } = departments[index];
      const challenge = await this.challenge(member, id, { ...content, themes: [...themes], sdgs: [...sdgs], competences: [...competences], seats, testEnvironmentIds: [environmentId] });
      await this.api.call('POST', `/api/challenges/${challenge}/review`, manager.token, { decision: 'approve', cohortId: cohort.id, comment: 'Tydligt behov och en behovsägare som vill vara med.' });
      challenges.push(challenge);
    }
    await this.move(manager, cohort.id, 'open');
    const people: Person[] = [];
    const applications: string[] = [];
    for (const [index, spec] of EARLIER_PARTICIPANTS.entries()) {
      const challenge = EARLIER_CHALLENGES[spec.department];
      const person = await this.entrepreneur(spec.name, spec.email, {
        kind: spec.kind,
        competences: [...challenge.competences],
        themes: [...challenge.themes],
        sdgs: spec.sdgs,
        languages: ['sv', 'en'],
        municipalityCode: HELSINGBORG,
        hoursPerWeek: 10 + (index % 3) * 4,
        organisation: index % 2 ? 'Eget företag' : 'Ideell förening',
        pitch: `${spec.name.split(' ')[0]} vill pröva nya sätt att nå dem som behöver stödet mest.`,
      });
      const application = await this.api.call<{ id: string }>('POST', `/api/cohorts/${cohort.id}/applications`, person.token, {
        answers: { idea: `Vi vill pröva ett nytt arbetssätt för målgruppen: ${challenge.targetGroup.toLowerCase()}.`, stage: ['idé', 'prototyp'][index % 2], team_size: 1 + (index % 3) },
      });
      await this.api.call('POST', `/api/applications/${application.id}/submit`, person.token);
      people.push(person);
      applications.push(application.id);
    }
    await this.move(manager, cohort.id, 'selecting');
    await this.api.withVersion('PUT', `/api/cohorts/${cohort.id}`, manager.token, {
      applicationOpensAt: `${day(EARLIER_COHORT.applicationOpensOn)}T08:00:00Z`,
      applicationClosesAt: `${day(EARLIER_COHORT.applicationClosesOn)}T22:00:00Z`,
    });
    for (const application of applications) {
      await this.api.call('POST', `/api/applications/${application}/decision`, manager.token, { decision: 'accept', note: 'Beslut i juryns möte.' });
    }
    // Each applied with one challenge in mind, and the manager pinned them to it.
    const pins = EARLIER_PARTICIPANTS.map((spec, index) => ({ participantId: people[index].id, challengeId: challenges[spec.department] }));
    const run = await this.api.call<{ id: string }>('POST', `/api/cohorts/${cohort.id}/matching-runs`, manager.token, { algorithm: 'optimal', pins });
    const matches = await this.api.call<{ items: { id: string; participantId: string; challengeId: string }[] }>('POST', `/api/matching-runs/${run.id}/publish`, manager.token, {});
    for (const match of matches.items) {
      await this.api.call('POST', `/api/matches/${match.id}/respond`, people.find((p) => p.id === match.participantId)?.token, { response: 'accept' });
      await this.api.call('POST', `/api/matches/${match.id}/respond`, departments[challenges.indexOf(match.challengeId)].member.token, { response: 'accept' });
    }
    await this.move(manager, cohort.id, 'running');

    const { items: tracks } = await this.api.call<{ items: { id: string; participantId: string }[] }>('GET', `/api/tracks?cohortId=${cohort.id}&limit=100`, manager.token);
    const approved: { trackId: string; learningId: string }[] = [];
    const learnings: { id: string; tags: string[] }[] = [];
    for (const [index, spec] of EARLIER_PARTICIPANTS.entries()) {
      const track = tracks.find((t) => t.participantId === people[index].id) as { id: string };
      const department = departments[spec.department];
      const write = async ({ by, approved: approve, ...learning }: EarlierLearning) => {
        const author = by === 'participant' ? people[index] : department.member;
        const { id } = await this.api.call<{ id: string }>('POST', `/api/tracks/${track.id}/learnings`, author.token, learning);
        learnings.push({ id, tags: learning.tags });
        if (approve) approved.push({ trackId: track.id, learningId: id });
      };
      await this.walk(track.id, spec.outcome === 'discontinued' ? 'test_environment' : 'graduated', manager, department, metrics, {
        testStartsOn: EARLIER_COHORT.testStartsOn,
        testSessionOn: EARLIER_COHORT.testSessionOn,
        usersInvolved: 6 + index,
        measured: index,
        outcome: spec.outcome === 'discontinued' ? undefined : spec.outcome,
        // The obstacles showed during co-design; the rest came with the test.
        learn: async (stage) => {
          for (const learning of spec.learnings.filter((l) => (l.kind === 'obstacle') === (stage === 'co_design'))) await write(learning);
        },
      });
      if (spec.outcome === 'discontinued') {
        await this.advancer(track.id, manager)({ to: 'discontinued', note: 'Avslutat efter testet.', reason: 'Arbetsgivarna kunde inte ta emot praktikanter under hösten.' });
      }
    }
    await this.move(manager, cohort.id, 'completed');

    const researchUse = [
      ...EARLIER_PARTICIPANTS.flatMap((spec, index) => (spec.researchUse === undefined ? [] : [{ person: people[index], given: spec.researchUse }])),
      ...EARLIER_DEPARTMENT_RESEARCH_USE.map((index) => ({ person: departments[index].member, given: true })),
    ];
    for (const { person, given } of researchUse) {
      const consents = await this.api.call<{ purpose: string; textVersion: number }[]>('GET', '/api/me/consents', person.token);
      const textVersion = consents.find((consent) => consent.purpose === 'research_use')?.textVersion;
      await this.api.call('PUT', '/api/me/consents/research_use', person.token, { given, textVersion });
    }
    for (const { trackId, learningId } of approved) await this.api.call('PUT', `/api/tracks/${trackId}/learnings/${learningId}/publication`, manager.token);
    await this.api.call('PUT', `/api/cohorts/${cohort.id}/open-data`, manager.token, { publishes: true });

    const { fromTag, ...content } = EARLIER_METHOD_CARD;
    const card = await this.api.call<{ id: string; version: number }>('POST', '/api/method-cards', manager.token, {
      ...content,
      learnings: learnings.filter((learning) => learning.tags.includes(fromTag)).map((learning) => ({ learningId: learning.id })),
    });
    await this.api.call('PUT', `/api/method-cards/${card.id}/versions/${card.version}/publication`, manager.token, { licence: 'CC-BY-4.0' });
  }

  /** What the programme measures its impact by. */
  private async metrics(programmeId: string, manager: Person): Promise<string[]> {
    const reached = await this.api.call<{ id: string }>('POST', `/api/programmes/${programmeId}/metrics`, manager.token, {
      name: 'Personer som nåtts av lösningen',
      unit: 'personer',
      sdgs: [10],
      direction: 'higher_is_better',
      baseline: 0,
      target: 150,
    });
    const hours = await this.api.call<{ id: string }>('POST', `/api/programmes/${programmeId}/metrics`, manager.token, {
      name: 'Ideella timmar som frigjorts',
      unit: 'timmar',
      sdgs: [8, 11],
      direction: 'higher_is_better',
      target: 400,
    });
    return [reached.id, hours.id];
  }

  /** A manager distils the cohort's learnings on trust into a method card; two tracks use it. */
  private async methodCard(cohortId: string, manager: Person) {
    const { items: tracks } = await this.api.call<{ items: { id: string; stage: string }[] }>('GET', `/api/tracks?cohortId=${cohortId}&limit=100`, manager.token);
    const learnings: { id: string; tags: string[] }[] = [];
    for (const track of tracks) learnings.push(...(await this.api.call<{ items: { id: string; tags: string[] }[] }>('GET', `/api/tracks/${track.id}/learnings`, manager.token)).items);
    const onTrust = learnings.filter((learning) => learning.tags.includes('förtroende')).slice(0, 3);
    if (!onTrust.length) return;
    const card = await this.api.call<{ id: string; version: number }>('POST', '/api/method-cards', manager.token, {
      title: 'Bygg förtroende genom personalen på plats',
      whenToUse: 'När målgruppen är svår att nå och misstror nya initiativ från kommunen.',
      steps: ['Börja hos personalen som målgruppen redan känner', 'Låt personalen bjuda in till det första mötet', 'Ha med behovsägaren vid varje test'],
      evidence: 'Flera spår i hösten 2026 nådde målgruppen först när personalen på plats var med.',
      learnings: onTrust.map((learning) => ({ learningId: learning.id })),
    });
    for (const track of tracks.filter((t) => t.stage === 'test_environment' || t.stage === 'graduated').slice(0, 2)) {
      await this.api.call('POST', `/api/tracks/${track.id}/method-cards`, manager.token, { cardId: card.id, version: card.version });
    }
  }

  /** A few posts on the partner board; one participant is interested in the test environment on offer, and the department has accepted. */
  private async partnerBoard(manager: Person, departments: { member: Person }[], participants: Person[]) {
    const ids: string[] = [];
    for (const { by, ...post } of PARTNER_POSTS) {
      const author = 'department' in by ? departments[by.department].member : 'participant' in by ? participants[by.participant] : manager;
      ids.push((await this.api.call<{ id: string }>('POST', '/api/partner-posts', author.token, { ...post, tags: [...post.tags], endsOn: day(60) })).id);
    }
    const interest = await this.api.call<{ id: string }>('POST', `/api/partner-posts/${ids[0]}/interests`, participants[0].token);
    await this.api.call('POST', `/api/partner-interests/${interest.id}/accept`, departments[0].member.token);
    await this.api.call('POST', `/api/partner-posts/${ids[3]}/interests`, participants[1].token);
  }

  /** Tracks in every stage: two graduated, one in evaluation, two testing, one co-designing, one matched weeks ago and stuck there, one discontinued. */
  private async tracks(cohortId: string, manager: Person, departments: Department[], metrics: string[]) {
    const { items } = await this.api.call<{ items: { id: string; departmentId: string }[] }>('GET', `/api/tracks?cohortId=${cohortId}&limit=100`, manager.token);
    const targets = ['graduated', 'graduated', 'evaluation', 'test_environment', 'test_environment', 'co_design', 'matched', 'discontinued'] as const;
    for (const [index, track] of items.entries()) {
      const department = departments.find((d) => d.id === track.departmentId) as Department;
      await this.api.call('POST', `/api/tracks/${track.id}/milestones`, manager.token, { title: 'Första workshop med behovsägaren', dueOn: day(7 + index) });
      const target = targets[index % targets.length];
      if (target === 'discontinued') {
        const advance = this.advancer(track.id, manager);
        await advance({ to: 'co_design', note: 'Uppstart med förvaltningen.' });
        await advance({ to: 'discontinued', note: 'Avslutat i samförstånd.', reason: 'Innovatören fick förhinder under hösten.' });
        continue;
      }
      await this.walk(track.id, target, manager, department, metrics, {
        testStartsOn: -10,
        testSessionOn: -5,
        usersInvolved: 8 + index,
        measured: index,
        outcome: index % 2 ? 'continued_as_venture' : 'adopted_by_department',
        learn: (stage) =>
          stage === 'co_design'
            ? this.api.call('POST', `/api/tracks/${track.id}/learnings`, department.member.token, LEARNINGS[index % LEARNINGS.length])
            : this.api.call('POST', `/api/tracks/${track.id}/learnings`, manager.token, LEARNINGS[(index + 1) % LEARNINGS.length]),
      });
      // Matched three weeks ago and not yet started: past the cohort's 14-day norm, so the manager is asked to nudge it.
      if (target === 'matched') await this.backdateStage(track.id, 21);
    }
  }

  /** Moves the track on as its manager, with the ETag of the track as read just before. */
  private advancer(trackId: string, manager: Person): (body: Json) => Promise<unknown> {
    const path = `/api/tracks/${trackId}`;
    return (body) => this.api.withVersion('POST', `${path}/advance`, manager.token, body, path);
  }

  /** A track's way from its match to the target stage, through the gates as people pass them: a test plan, a test session, measurements, the criteria. */
  private async walk(trackId: string, target: Exclude<Stage, 'discontinued'>, manager: Person, department: Department, metrics: string[], story: TrackStory) {
    const path = `/api/tracks/${trackId}`;
    const advance = this.advancer(trackId, manager);
    if (target === 'matched') return;
    await advance({ to: 'co_design', note: 'Uppstart med förvaltningen.' });
    await story.learn('co_design');
    if (target === 'co_design') return;
    await this.api.withVersion('PUT', `${path}/test-plan`, manager.token, {
      testEnvironmentId: department.environmentId,
      startsOn: day(story.testStartsOn),
      users: 12,
      whatWillBeTried: 'En första version av arbetssättet med en mindre grupp.',
      consentArrangements: 'Skriftligt samtycke samlas in före varje test.',
    }, path);
    await advance({ to: 'test_environment', note: 'Testplanen är godkänd av behovsägaren.' });
    await this.api.call('POST', `${path}/test-sessions`, department.member.token, {
      heldOn: day(story.testSessionOn),
      testEnvironmentId: department.environmentId,
      usersInvolved: story.usersInvolved,
      whatWasTried: 'Ett första möte i liten grupp.',
      whatWasObserved: 'Deltagarna stannade längre än planerat och ville komma tillbaka.',
      consentObtained: true,
    });
    await story.learn('test_environment');
    for (const [m, metricId] of metrics.entries()) {
      await this.api.call('POST', `${path}/measurements`, department.member.token, {
        metricId,
        value: (m ? 20 : 12) + story.measured * 3,
        periodFrom: day(story.testStartsOn),
        periodTo: day(story.testSessionOn + 4),
        evidenceText: m ? 'Volontärernas tidrapporter.' : 'Deltagarlistor från testtillfällena.',
      });
    }
    if (target === 'test_environment') return;
    await advance({ to: 'evaluation', note: 'Testerna är genomförda.' });
    if (target === 'evaluation') return;
    await this.api.withVersion('PUT', `${path}/graduation-criteria`, manager.token, { met: ['tested_with_users', 'need_owner_agrees'] }, path);
    await advance({
      to: 'graduated',
      note: 'Examen vid programmets avslutning.',
      outcome: story.outcome,
      summary: story.outcome === 'continued_as_venture' ? 'Innovatören driver arbetet vidare som eget företag.' : 'Förvaltningen för in arbetssättet i ordinarie verksamhet.',
    });
  }
}
