import { createDepartment, departmentMember, largeCohortInReview, loginAdmin, submittedChallenge, type Session, type TestServer } from '@samverka/testing';

export const DEPARTMENTS = 5;
export const CHALLENGES = 320;
export const APPLICATIONS = 520;
export const MATCHING_PARTICIPANTS = 200;
export const MATCHING_CHALLENGES = 20;

export interface Installation {
  manager: Session;
  member: Session;
  cohortId: string;
  departmentId: string;
}

/**
 * An installation like a municipality's after a year: 5 departments with 320 challenges, a
 * cohort with 520 reviewed applications of which 200 were accepted, with profiles, for a
 * matching run against 20 of the challenges approved into it. The people, departments and
 * one challenge come through the API; the rest is copied with SQL, which takes a second.
 */
export async function seedInstallation(server: TestServer): Promise<Installation> {
  const admin = await loginAdmin(server);
  const cohort = await largeCohortInReview(server, { applications: APPLICATIONS, jurors: 4, reviewsEach: 2 });
  const departments = [];
  for (let i = 0; i < DEPARTMENTS; i++) departments.push(await createDepartment(server, admin));
  const member = await departmentMember(server, admin, departments[0].id);
  const first = await submittedChallenge(server, member, departments[0].id);
  const db = server.db;
  const { rows: columns } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'challenges' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'title', 'department_id', 'state', 'cohort_id', 'seats', 'created_at')`,
  );
  const copied = columns.map((column) => column.column_name).join(', ');
  // Every fourth challenge is about schools, so a search finds a page's worth in each department.
  await db.query(
    `INSERT INTO challenges (id, title, department_id, state, cohort_id, seats, created_at, ${copied})
     SELECT gen_random_uuid(),
            CASE WHEN i % 4 = 0 THEN 'Trygga skolor ' ELSE 'Utmaning ' END || i,
            ($2::uuid[])[1 + i % ${DEPARTMENTS}],
            CASE WHEN i <= ${MATCHING_CHALLENGES} THEN 'approved' WHEN i % 3 = 0 THEN 'draft' ELSE 'submitted' END,
            CASE WHEN i <= ${MATCHING_CHALLENGES} THEN $3::uuid END,
            10, now() - i * interval '1 hour', ${copied}
       FROM challenges, generate_series(1, ${CHALLENGES - 1}) AS i WHERE id = $1`,
    [first.id, departments.map((department) => department.id), cohort.cohortId],
  );
  const accepted = Object.values(cohort.applications).slice(0, MATCHING_PARTICIPANTS);
  await db.query(`UPDATE applications SET state = 'accepted', decided_at = now() WHERE id = ANY($1::uuid[])`, [accepted]);
  await db.query(
    `INSERT INTO entrepreneur_profiles (user_id, kind, competences, themes, sdgs, languages, municipality_code, hours_per_week)
     SELECT a.applicant_id, 'social_entrepreneur', ARRAY['tjänstedesign', 'kod ' || (n % 7)], ARRAY['Inkludering', 'tema ' || (n % 5)],
            ARRAY[1 + n % 17, 4]::smallint[], '{sv}', '1283', 5 + n % 10
       FROM applications a, LATERAL (SELECT abs(hashtext(a.id::text)) AS n) h WHERE a.id = ANY($1::uuid[])`,
    [accepted],
  );
  await db.query('ANALYZE');
  return { manager: cohort.manager, member, cohortId: cohort.cohortId, departmentId: departments[0].id };
}
