import { randomUUID } from 'node:crypto';
import { expectStatus, loginAdmin, type Session } from './factories.js';
import { assignReviewer, cohortReviewer, moveCohort, openCohort, programmeWithManager, review, SAMPLE_ANSWERS, submittedApplicant } from './programme-factories.js';
import type { TestServer } from './test-server.js';

export interface JurorSpec {
  displayName: string;
  /** Applicant's name → the juror's scores on the sample rubric; each named application is assigned to the juror. */
  scores: Record<string, { impact: number; feasibility: number }>;
  comments?: Record<string, string>;
}

export interface CohortInReview {
  admin: Session;
  manager: Session;
  programmeId: string;
  cohortId: string;
  cohortName: string;
  /** Applicant's name → their submitted application's id. */
  applications: Record<string, string>;
  jurors: (Session & { displayName: string })[];
}

/**
 * A cohort in selection: applicants with submitted applications, a jury whose members each
 * reviewed the applications given in their scores (with the sample rubric), and the cohort
 * moved to `selecting` so that decisions can be taken.
 */
export async function cohortInReview(
  server: TestServer,
  spec: { cohortName?: string; seats: number; applicants: string[]; jurors: JurorSpec[]; moveToSelecting?: boolean },
): Promise<CohortInReview> {
  const admin = await loginAdmin(server);
  const { programme, manager } = await programmeWithManager(server, admin);
  const cohort = await openCohort(server, manager, programme.id, { seats: spec.seats, ...(spec.cohortName ? { name: spec.cohortName } : {}) });
  const applications: Record<string, string> = {};
  for (const name of spec.applicants) applications[name] = (await submittedApplicant(server, cohort.id, name)).application.id;

  const jurors: CohortInReview['jurors'] = [];
  for (const juror of spec.jurors) {
    const session = await cohortReviewer(server, manager, cohort.id, juror.displayName);
    for (const [applicant, scores] of Object.entries(juror.scores)) {
      await assignReviewer(server, manager, applications[applicant], session.userId);
      await review(server, session, applications[applicant], scores, juror.comments?.[applicant] ?? '');
    }
    jurors.push({ ...session, displayName: juror.displayName });
  }
  if (spec.moveToSelecting !== false) await moveCohort(server, manager, cohort.id, 'selecting');
  const { name } = await expectStatus<{ name: string }>(await server.http.get(`/api/cohorts/${cohort.id}`).set(manager.auth), 200, 'get cohort');
  return { admin, manager, programmeId: programme.id, cohortId: cohort.id, cohortName: name, applications, jurors };
}

const FIRST_NAMES = ['Amira', 'Björn', 'Cecilia', 'David', 'Elin', 'Fatima', 'Gustav', 'Hanna', 'Ibrahim', 'Johanna', 'Karl', 'Leila', 'Mats', 'Nora', 'Oskar', 'Petra', 'Rami', 'Sara', 'Tove', 'Ulf'];
const LAST_NAMES = ['Andersson', 'Berg', 'Ek', 'Hassan', 'Holm', 'Johansson', 'Karlsson', 'Lind', 'Nilsson', 'Öberg', 'Persson', 'Ström', 'Svensson', 'Åberg', 'Yusuf'];

/**
 * A large cohort in selection for measuring the scoreboard: `applications` submitted
 * applications, each reviewed by `reviewsEach` of the jury's `jurors` (the first juror scores
 * everyone a point higher, the lenient one). The people and the cohort come through the API;
 * the applicants, applications, assignments and reviews are inserted with SQL, which takes a
 * second where the API would take minutes. Scores follow a seeded generator, so runs compare.
 */
export async function largeCohortInReview(server: TestServer, { applications = 2000, jurors = 6, reviewsEach = 3 } = {}): Promise<CohortInReview> {
  const cohort = await cohortInReview(server, {
    seats: Math.ceil(applications / 10),
    applicants: [],
    jurors: Array.from({ length: jurors }, (_, i) => ({ displayName: i === 0 ? 'Generös Granskare' : `Granskare ${i + 1}`, scores: {} })),
    moveToSelecting: false,
  });
  let seed = 20_261_130;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const score = (lean: number): number => Math.max(1, Math.min(5, Math.round(1 + random() * 4 + lean)));
  const rows = Array.from({ length: applications }, (_, i) => ({
    userId: randomUUID(),
    applicationId: randomUUID(),
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]} ${i + 1}`,
  }));
  const db = server.db;
  await db.query(`INSERT INTO users (id, email, display_name, roles) SELECT u.id, u.id || '@bench.test', u.name, '{entrepreneur}' FROM unnest($1::uuid[], $2::text[]) AS u(id, name)`, [rows.map((r) => r.userId), rows.map((r) => r.name)]);
  await db.query(
    `INSERT INTO applications (id, cohort_id, applicant_id, state, answers, submitted_at)
     SELECT a.id, $3, a.applicant, 'submitted', $4::jsonb, now() - (a.n || ' minutes')::interval FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS a(id, applicant, n)`,
    [rows.map((r) => r.applicationId), rows.map((r) => r.userId), cohort.cohortId, JSON.stringify(SAMPLE_ANSWERS)],
  );
  const reviews = rows.flatMap((row, i) =>
    Array.from({ length: reviewsEach }, (_, k) => {
      const juror = cohort.jurors[(i + k) % cohort.jurors.length];
      const lean = juror === cohort.jurors[0] ? 1 : 0;
      return { applicationId: row.applicationId, reviewerId: juror.userId, scores: JSON.stringify({ impact: score(lean), feasibility: score(lean) }) };
    }),
  );
  const columns = [reviews.map((r) => r.applicationId), reviews.map((r) => r.reviewerId)];
  await db.query(`INSERT INTO review_assignments (application_id, reviewer_id, assigned_by) SELECT a, r, $3 FROM unnest($1::uuid[], $2::uuid[]) AS u(a, r)`, [...columns, cohort.manager.userId]);
  await db.query(`INSERT INTO reviews (application_id, reviewer_id, scores) SELECT a, r, s::jsonb FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(a, r, s)`, [...columns, reviews.map((r) => r.scores)]);
  await moveCohort(server, cohort.manager, cohort.cohortId, 'selecting');
  return { ...cohort, applications: Object.fromEntries(rows.map((r) => [r.name, r.applicationId])) };
}
