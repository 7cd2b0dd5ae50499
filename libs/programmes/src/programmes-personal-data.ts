import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PersonalDataRegistry, type PersonalColumns } from '@samverka/platform';
import { In } from 'typeorm';
import { Application, type Answer } from './applications/application.entity.js';
import { Cohort } from './cohorts/cohort.entity.js';
import { EntrepreneurProfile } from './entrepreneurs/entrepreneur-profile.entity.js';
import { Review, ReviewConflict } from './reviewing/review.entity.js';

const FREE_TEXT = new Set(['text', 'long_text']);

const programmesPersonalColumns: readonly PersonalColumns[] = [
  { entity: EntrepreneurProfile, columns: ['organisation', 'pitch'] },
  { entity: Application, columns: ['answers', 'decisionNote'] },
  { entity: Review, columns: ['comment'] },
  { entity: ReviewConflict, columns: ['reason'] },
];

/**
 * What the programmes context holds about a person: their profile, applications with
 * answers, the reviews and conflicts they wrote. On erasure the free text goes (pitch,
 * organisation, free-text answers, comments, reasons, and a reviewer's reason for a conflict
 * with them); states, scores, tags and SDGs stay, so selection figures and reports keep
 * counting right.
 */
@Injectable()
export class ProgrammesPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    this.registry.register({ section: 'programmes', holds: programmesPersonalColumns, export: (userId) => this.export(userId), erase: (userId) => this.erase(userId) });
  }

  private async export(userId: string): Promise<unknown> {
    const db = this.txHost.tx;
    const [profile, applications, reviews, conflicts] = await Promise.all([
      db.getRepository(EntrepreneurProfile).findOneBy({ userId }),
      db.getRepository(Application).find({ where: { applicantId: userId }, order: { createdAt: 'ASC' } }),
      db.getRepository(Review).find({ where: { reviewerId: userId }, order: { createdAt: 'ASC' } }),
      db.getRepository(ReviewConflict).find({ where: { reviewerId: userId }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      profile,
      applications: applications.map(({ id, cohortId, state, answers, submittedAt, decidedAt, createdAt }) => ({ id, cohortId, state, answers, submittedAt, decidedAt, createdAt })),
      reviewsWritten: reviews.map(({ id, applicationId, scores, comment, createdAt }) => ({ id, applicationId, scores, comment, createdAt })),
      conflictsDeclared: conflicts.map(({ id, applicationId, scope, reason, createdAt }) => ({ id, applicationId, scope, reason, createdAt })),
    };
  }

  private async erase(userId: string): Promise<void> {
    const db = this.txHost.tx;
    await db.getRepository(EntrepreneurProfile).update({ userId }, { pitch: '', organisation: '' });
    const applications = await db.getRepository(Application).findBy({ applicantId: userId });
    const cohorts = await db.getRepository(Cohort).findBy({ id: In([...new Set(applications.map((a) => a.cohortId))]) });
    for (const application of applications) {
      const freeText = new Set(cohorts.find((c) => c.id === application.cohortId)?.questions.filter((q) => FREE_TEXT.has(q.type)).map((q) => q.key));
      const answers: Record<string, Answer> = Object.fromEntries(Object.entries(application.answers).filter(([key]) => !freeText.has(key)));
      await db.getRepository(Application).update(application.id, { answers, decisionNote: null });
    }
    await db.getRepository(Review).update({ reviewerId: userId }, { comment: '' });
    await db.getRepository(ReviewConflict).update({ reviewerId: userId }, { reason: '' });
    await db.getRepository(ReviewConflict).update({ applicantId: userId }, { reason: '' });
  }
}
