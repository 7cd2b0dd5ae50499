import { expectStatus, type Session } from './factories.js';
import { cohortWithTracks, type TrackedCohort } from './journey-factories.js';
import { addTracks } from './many-tracks.js';
import type { TestServer } from './test-server.js';

export interface OpenCohort extends TrackedCohort {
  /** Every track of the cohort: the participants' first (in participant order), then those added without an account. */
  allTrackIds: string[];
}

/**
 * A cohort whose aggregated learnings and impact figures are open data: a track for each named
 * participant built over HTTP (see `cohortWithTracks`), plus `extraTracks` tracks added straight
 * into the database on the first challenge (people without an account, who write nothing; the
 * department's member is on their tracks and can write there), and the manager's choice to publish.
 */
export async function cohortPublishingOpenData(server: TestServer, participantNames: string[], extraTracks = 0): Promise<OpenCohort> {
  const cohort = await cohortWithTracks(server, participantNames);
  await publishOpenData(server, cohort.manager, cohort.cohortId, true);
  const open = { ...cohort, allTrackIds: cohort.trackIds };
  return extraTracks ? addOpenTracks(server, open, extraTracks) : open;
}

/** More tracks for the cohort, added as `cohortPublishingOpenData` adds them. */
export async function addOpenTracks(server: TestServer, cohort: OpenCohort, count: number): Promise<OpenCohort> {
  await addTracks(server, cohort, count);
  const { rows } = await server.db.query(`SELECT id FROM tracks WHERE cohort_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY created_at, id`, [cohort.cohortId, cohort.allTrackIds]);
  return { ...cohort, allTrackIds: [...cohort.allTrackIds, ...rows.map((row: { id: string }) => row.id)] };
}

/** The manager's decision whether the cohort's open data is published. */
export async function publishOpenData(server: TestServer, manager: Session, cohortId: string, publishes: boolean): Promise<void> {
  await expectStatus(await server.http.put(`/api/cohorts/${cohortId}/open-data`).set(manager.auth).send({ publishes }), 200, 'publish open data');
}

/** A learning recorded on a track by someone on it; its id. */
export async function recordLearning(server: TestServer, author: Session, trackId: string, learning: { kind?: string; text: string; tags?: string[] }): Promise<string> {
  const body = await expectStatus(await server.http.post(`/api/tracks/${trackId}/learnings`).set(author.auth).send({ kind: 'obstacle', tags: [], ...learning }), 201, 'record learning');
  return String(body.id);
}

/** The person's answer on research use of their learnings. */
export async function answerResearchUse(server: TestServer, person: Session, given: boolean): Promise<void> {
  await expectStatus(await server.http.put('/api/me/consents/research_use').set(person.auth).send({ given, textVersion: 1 }), 200, 'research use consent');
}
