import { randomUUID } from 'node:crypto';
import type { TrackedCohort } from './journey-factories.js';
import type { TestServer } from './test-server.js';

const FIRST = ['Amira', 'Bo', 'Cecilia', 'David', 'Elin', 'Farid', 'Greta', 'Hassan', 'Ida', 'Jonas', 'Karin', 'Leo', 'Maja', 'Nils', 'Olivia', 'Per', 'Rania', 'Sven', 'Tove', 'Ulf', 'Vera', 'Yusuf', 'Åsa', 'Örjan'];
const LAST = ['Andersson', 'Berg', 'Haddad', 'Lindqvist', 'Nilsson', 'Öberg', 'Ek', 'Said', 'Holm', 'Ström', 'Åberg', 'Yilmaz', 'Karlsson'];
const STAGES = ['matched', 'co_design', 'test_environment', 'evaluation', 'graduated', 'discontinued'];

/**
 * Adds `count` tracks to a cohort built by `cohortWithTracks`, straight into the database (the
 * API way takes seconds per track): a participant each, confirmed on the cohort's first
 * challenge, spread over every stage and up to 120 days in it. For measuring the pages that
 * show a whole cohort's tracks; the rows carry what those pages read and no more.
 */
export async function addTracks(server: TestServer, cohort: TrackedCohort, count: number): Promise<void> {
  const [run] = (await server.db.query(`SELECT id FROM matching_runs WHERE cohort_id = $1 LIMIT 1`, [cohort.cohortId])).rows as { id: string }[];
  const challengeId = cohort.challengeIds[0];
  const rows = Array.from({ length: count }, (_, i) => ({
    userId: randomUUID(),
    matchId: randomUUID(),
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i + 1}`,
    stage: STAGES[(i * 5) % STAGES.length],
    daysInStage: (i * 37) % 120,
  }));
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => String(row[key]));
  await server.db.query(
    `INSERT INTO users (id, email, display_name, roles) SELECT u.id, u.id || '@many-tracks.test', u.name, '{entrepreneur}' FROM unnest($1::uuid[], $2::text[]) AS u(id, name)`,
    [column('userId'), column('name')],
  );
  await server.db.query(
    `INSERT INTO matches (id, run_id, cohort_id, challenge_id, department_id, participant_id, score, reason, state)
     SELECT m.id, $3, $4, $5, $6, m.participant, 0.5, '{}', 'confirmed' FROM unnest($1::uuid[], $2::uuid[]) AS m(id, participant)`,
    [column('matchId'), column('userId'), run.id, cohort.cohortId, challengeId, cohort.departmentId],
  );
  await server.db.query(
    `INSERT INTO tracks (match_id, cohort_id, challenge_id, department_id, participant_id, stage, stage_entered_at, graduated_on, outcome, outcome_summary, discontinued_reason)
     SELECT t.match, $5, $6, $7, t.participant, t.stage, now() - make_interval(days => t.days),
       CASE WHEN t.stage = 'graduated' THEN current_date END, CASE WHEN t.stage = 'graduated' THEN 'other' END,
       CASE WHEN t.stage = 'graduated' THEN 'Sammanfattning' END, CASE WHEN t.stage = 'discontinued' THEN 'Skäl' END
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) AS t(match, participant, stage, days)`,
    [column('matchId'), column('userId'), column('stage'), column('daysInStage'), cohort.cohortId, challengeId, cohort.departmentId],
  );
}
