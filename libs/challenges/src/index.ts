export { ChallengesModule, challengesEntities } from './challenges.module.js';
export { ChallengeDirectory, type ChallengeFacts, type OfferedTestEnvironment } from './challenges/challenge-directory.js';
export { ChallengeProgress } from './challenges/challenge-progress.js';
export { Department, DepartmentMembership } from './departments/department.entity.js';
export { DepartmentsService, type DepartmentData, type DepartmentMember } from './departments/departments.service.js';
export { TestEnvironment } from './test-environments/test-environment.entity.js';
export { TestEnvironmentsService, type TestEnvironmentData } from './test-environments/test-environments.service.js';
export { Challenge, ChallengeRevision, ChallengeReview, type ChallengeOrigin } from './challenges/challenge.entity.js';
export {
  ChallengesService,
  type ChallengeFilters,
  type ChallengeInput,
  type RevisionComparison,
  type RevisionWithContext,
  type VisibleChallenge,
} from './challenges/challenges.service.js';
export { CHALLENGE_STATES, REVIEW_DECISIONS, challengeLifecycle, type ChallengeState, type ChallengeSubject, type ReviewDecision } from './challenges/challenge-lifecycle.js';
export { UPTAKE_ROUTES, type ChallengeContent, type RouteToAdoption, type NeedOwner, type UptakeRoute } from './challenges/challenge-content.js';
export type { FieldChange } from './challenges/revision-diff.js';
export { DepartmentRecords, ChallengeRecords, memberDepartments, memberOfDepartmentAt, isMemberOf } from './access/challenge-access.js';
