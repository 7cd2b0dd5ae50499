import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ChallengeDirectory, DepartmentRecords } from '@samverka/challenges';
import { ProgrammeDirectory, CohortRecords } from '@samverka/programmes';
import { AuditTrail, ConflictError, CurrentActor, isUniqueViolation, NotFoundError, paginate, type Page, type PageQueryDto, AccessPolicy } from '@samverka/platform';
import { MatchingConflict } from './matching-conflict.entity.js';

/**
 * Conflicts of interest between a participant and a challenge, declared by the participant
 * or by a member of the challenge's department: such a pair is never proposed.
 */
@Injectable()
export class MatchingConflictsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly programmes: ProgrammeDirectory,
    private readonly challenges: ChallengeDirectory,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
  ) {}

  async declare(cohortId: string, participantId: string, challengeId: string, reason: string): Promise<MatchingConflict> {
    const me = this.actor.required.id;
    const challenge = (await this.challenges.approvedChallengesOfCohort(cohortId)).find((c) => c.id === challengeId);
    const isParticipant = (await this.programmes.participantsOfCohort(cohortId)).some((p) => p.userId === participantId);
    if (!challenge || !isParticipant) throw new NotFoundError('Cohort participant or challenge');
    // The participant declares for themself, a member of the challenge's department for the challenge.
    const mayDeclare = participantId === me ? await this.access.allows(CohortRecords, 'participate', cohortId) : await this.access.allows(DepartmentRecords, 'member', challenge.departmentId);
    if (!mayDeclare) throw new NotFoundError('Cohort participant or challenge');
    return this.txHost.withTransaction(async () => {
      const conflicts = this.txHost.tx.getRepository(MatchingConflict);
      let saved: MatchingConflict;
      try {
        saved = await conflicts.save(conflicts.create({ cohortId, participantId, challengeId, reason, declaredBy: me }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('conflict_already_declared', 'This conflict of interest is already declared.');
        throw error;
      }
      await this.audit.record({ action: 'matching_conflict.declared', entityType: 'matching_conflict', entityId: saved.id, reason, subjectId: participantId, details: { cohortId, participantId, challengeId } });
      return saved;
    });
  }

  async list(cohortId: string, page: PageQueryDto): Promise<Page<MatchingConflict>> {
    await this.access.require(CohortRecords, 'manage', cohortId);
    const qb = this.txHost.tx.getRepository(MatchingConflict).createQueryBuilder('x').where('x.cohort_id = :cohortId', { cohortId });
    return paginate(qb, page, { sortColumn: 'x.created_at', idColumn: 'x.id', direction: 'ASC', keyOf: (x) => [x.createdAt.toISOString(), x.id] });
  }
}
