import { submittedChallenge } from './challenge-factories.js';
import { expectStatus } from './factories.js';
import { cohortReadyForMatching, type MatchingCohort } from './journey-factories.js';
import { openCohort, submittedApplicant } from './programme-factories.js';
import type { TestServer } from './test-server.js';

export interface WaitingWork extends MatchingCohort {
  programmeId: string;
  /** A second, open cohort of the same programme with one application waiting for a decision. */
  openCohortId: string;
  /** Vera Väntande's application there. */
  waitingApplicationId: string;
  /** The first participant's track, in `matched` for three weeks (the default norm is two). */
  stuckTrackId: string;
  /** The second participant's proposal, unanswered a day past its deadline. */
  overdueMatchId: string;
}

/**
 * A programme manager with one of each kind of waiting work: an application to decide, a
 * challenge in the review queue, a match past its answer deadline and a track stuck in its
 * stage. Time is moved by backdating the two timestamps the agenda reads.
 */
export async function managerWithWaitingWork(server: TestServer): Promise<WaitingWork> {
  const cohort = await cohortReadyForMatching(server, {
    participants: [{ displayName: 'Stina Stillastående' }, { displayName: 'Oskar Obesvarad' }],
    challenges: [{ title: 'Trygga skolvägar' }, { title: 'Fler läsande unga' }],
  });
  const { manager, member, departmentId, cohortId, participants, challengeIds } = cohort;
  const pins = participants.map((participant, i) => ({ participantId: participant.userId, challengeId: challengeIds[i] }));
  const run = await expectStatus(await server.http.post(`/api/cohorts/${cohortId}/matching-runs`).set(manager.auth).send({ algorithm: 'optimal', pins }), 201, 'run');
  const published = (await expectStatus(await server.http.post(`/api/matching-runs/${run.id}/publish`).set(manager.auth).send({}), 201, 'publish')) as unknown as {
    items: { id: string; participantId: string }[];
  };
  const [first, second] = participants.map((participant) => published.items.find((match) => match.participantId === participant.userId)?.id ?? '');
  for (const side of [participants[0], member]) {
    await expectStatus(await server.http.post(`/api/matches/${first}/respond`).set(side.auth).send({ response: 'accept' }), 200, 'accept match');
  }
  const tracks = (await expectStatus(await server.http.get(`/api/tracks?cohortId=${cohortId}`).set(manager.auth), 200, 'list tracks')) as { items: { id: string }[] };
  const stuckTrackId = tracks.items[0].id;
  await server.db.query(`UPDATE tracks SET stage_entered_at = now() - interval '21 days' WHERE id = $1`, [stuckTrackId]);
  await server.db.query(`UPDATE matches SET respond_by = now() - interval '1 day' WHERE id = $1`, [second]);

  const { programmeId } = (await expectStatus(await server.http.get(`/api/cohorts/${cohortId}`).set(manager.auth), 200, 'get cohort')) as { programmeId: string };
  const open = await openCohort(server, manager, programmeId, { name: 'Våren 2027' });
  const { application } = await submittedApplicant(server, open.id, 'Vera Väntande');
  await submittedChallenge(server, member, departmentId, { title: 'Mötesplatser för äldre' });
  return { ...cohort, programmeId, openCohortId: open.id, waitingApplicationId: application.id, stuckTrackId, overdueMatchId: second };
}
