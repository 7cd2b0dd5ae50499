import { expectStatus } from './factories.js';
import { cohortWithTracks, type TrackedCohort } from './journey-factories.js';
import type { TestServer } from './test-server.js';
import { advanceTrack, graduate, intoTest } from './track-factories.js';

export interface ProgressCohort extends TrackedCohort {
  programmeId: string;
  metricId: string;
  methodCardId: string;
}

/** Where each track of `cohortInProgress` stands, by participant index; any further participant's is matched. */
export const PROGRESS_STAGES = ['graduated', 'evaluation', 'test_environment', 'co_design', 'matched', 'discontinued'] as const;

/**
 * A cohort under way, built over HTTP: a track in each stage (see PROGRESS_STAGES), the
 * graduate adopted by the department; learnings (obstacles, enablers, an insight) on three
 * tracks, a programme metric measured on two (in October and November), and a method card made from a learning and used
 * by the track in test.
 */
export async function cohortInProgress(server: TestServer, participantNames: string[]): Promise<ProgressCohort> {
  if (participantNames.length < PROGRESS_STAGES.length) throw new Error(`cohortInProgress needs at least ${PROGRESS_STAGES.length} participants`);
  const cohort = await cohortWithTracks(server, participantNames);
  const { manager, openEnvironmentId: environment } = cohort;
  const [graduating, evaluating, testing, designing, , leaving] = cohort.trackIds;
  const post = async (path: string, body: Record<string, unknown>, what: string) => expectStatus(await server.http.post(path).set(manager.auth).send(body), 201, what);

  await intoTest(server, manager, graduating, environment);
  await graduate(server, manager, graduating, environment, 'adopted_by_department');
  await intoTest(server, manager, evaluating, environment);
  await post(`/api/tracks/${evaluating}/test-sessions`, { heldOn: '2026-10-08', testEnvironmentId: environment, usersInvolved: 6, whatWasTried: 'Kvällsöppet', whatWasObserved: 'Fler kom än väntat.', consentObtained: true }, 'test session');
  await advanceTrack(server, manager, evaluating, { to: 'evaluation', note: 'Testet är klart.' });
  await intoTest(server, manager, testing, environment);
  await advanceTrack(server, manager, designing, { to: 'co_design', note: 'Behovet är förankrat.' });
  await advanceTrack(server, manager, leaving, { to: 'discontinued', note: 'Avslut', reason: 'Innovatören flyttade.' });

  const learning = async (trackId: string, kind: string, text: string, tags: string[]) => (await post(`/api/tracks/${trackId}/learnings`, { kind, text, tags }, 'learning')).id as string;
  const trustLesson = await learning(graduating, 'enabler', 'En kontaktperson på fritidsgården gjorde att unga vågade komma.', ['tillit', 'fritid']);
  await learning(graduating, 'obstacle', 'Lokalbokningen kräver BankID, som unga under 18 saknar.', ['bokning']);
  await learning(evaluating, 'obstacle', 'Upphandlingsreglerna gjorde det svårt att köpa in tjänsten.', ['upphandling']);
  await learning(evaluating, 'enabler', 'Föräldramöten på flera språk byggde förtroende.', ['tillit']);
  await learning(testing, 'insight', 'Unga vill boka själva, utan vuxna som mellanhand.', ['bokning']);

  const programmeId = ((await expectStatus(await server.http.get(`/api/cohorts/${cohort.cohortId}`).set(manager.auth), 200, 'read cohort')) as { programmeId: string }).programmeId;
  const metricId = (await post(`/api/programmes/${programmeId}/metrics`, { name: 'Unga som bokat själva', unit: 'personer', sdgs: [4, 10], direction: 'higher_is_better', target: 100 }, 'metric')).id as string;
  for (const [trackId, value, month, name] of [[graduating, 40, '10', 'oktober'], [evaluating, 15, '11', 'november']] as const) {
    await post(`/api/tracks/${trackId}/measurements`, { metricId, value, periodFrom: `2026-${month}-01`, periodTo: `2026-${month}-28`, evidenceText: `Bokningsloggen, ${name}.` }, 'measurement');
  }

  const card = { title: 'Kontaktperson på plats', whenToUse: 'När målgruppen inte litar på kommunen.', steps: ['Hitta en vuxen som unga redan känner', 'Låt hen vara med vid första träffen'], evidence: 'Fritidsgården Dalhem, hösten 2026.', learnings: [{ learningId: trustLesson }] };
  const methodCardId = (await post('/api/method-cards', card, 'method card')).id as string;
  await post(`/api/tracks/${testing}/method-cards`, { cardId: methodCardId, version: 1 }, 'method card use');
  return { ...cohort, programmeId, metricId, methodCardId };
}
