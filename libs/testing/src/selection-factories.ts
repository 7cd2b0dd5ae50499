import { expectStatus, loginAdmin, type Session } from './factories.js';
import { assignReviewer, cohortReviewer, moveCohort, openCohort, programmeWithManager, review, submittedApplicant } from './programme-factories.js';
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
