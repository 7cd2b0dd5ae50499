import { expectStatus, type Session } from './factories.js';
import type { TestServer } from './test-server.js';

/** Moves a track with its current version, as a manager who just read it would. */
export async function advanceTrack(server: TestServer, manager: Session, trackId: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { version } = (await expectStatus(await server.http.get(`/api/tracks/${trackId}`).set(manager.auth), 200, 'read track')) as { version: number };
  return expectStatus(await server.http.post(`/api/tracks/${trackId}/advance`).set(manager.auth).set('If-Match', `"${version}"`).send(body), 200, `advance to ${String(body.to)}`);
}

/** Through co-design into the test environment: a test plan on the given environment, then the move. */
export async function intoTest(server: TestServer, manager: Session, trackId: string, environmentId: string): Promise<void> {
  await advanceTrack(server, manager, trackId, { to: 'co_design', note: 'Behovet är förankrat.' });
  const { version } = (await expectStatus(await server.http.get(`/api/tracks/${trackId}`).set(manager.auth), 200, 'read track')) as { version: number };
  const plan = { testEnvironmentId: environmentId, startsOn: '2026-10-01', users: 10, whatWillBeTried: 'En enkel bokningsapp.', consentArrangements: 'Muntligt samtycke.' };
  await expectStatus(await server.http.put(`/api/tracks/${trackId}/test-plan`).set(manager.auth).set('If-Match', `"${version}"`).send(plan), 200, 'test plan');
  await advanceTrack(server, manager, trackId, { to: 'test_environment', note: 'Planen håller.' });
}

/** From the test environment to graduation with the given outcome: a test session, evaluation, every criterion ticked. */
export async function graduate(server: TestServer, manager: Session, trackId: string, environmentId: string, outcome: string): Promise<void> {
  const session = { heldOn: '2026-10-08', testEnvironmentId: environmentId, usersInvolved: 8, whatWasTried: 'Bokning via appen', whatWasObserved: 'De flesta bokade själva.', consentObtained: true };
  await expectStatus(await server.http.post(`/api/tracks/${trackId}/test-sessions`).set(manager.auth).send(session), 201, 'test session');
  await advanceTrack(server, manager, trackId, { to: 'evaluation', note: 'Dags att utvärdera.' });
  const track = (await expectStatus(await server.http.get(`/api/tracks/${trackId}`).set(manager.auth), 200, 'read track')) as { version: number; graduationCriteria: { key: string }[] };
  const met = { met: track.graduationCriteria.map((criterion) => criterion.key) };
  await expectStatus(await server.http.put(`/api/tracks/${trackId}/graduation-criteria`).set(manager.auth).set('If-Match', `"${track.version}"`).send(met), 200, 'tick criteria');
  await advanceTrack(server, manager, trackId, { to: 'graduated', note: 'Klar.', outcome, summary: 'Lösningen lever vidare.', graduatedOn: '2026-12-15' });
}
