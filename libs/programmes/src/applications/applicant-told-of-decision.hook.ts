import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FillsHookSlot, Outbox, type LifecycleHook, type Move } from '@samverka/platform';
import { Cohort } from '../cohorts/cohort.entity.js';
import { applicationLifecycle, DECISIONS, STATE_OF_DECISION, type ApplicationState, type ApplicationSubject } from './application-lifecycle.js';
import { decisionNotice } from './decision-notice.js';

/** The applicant hears of the manager's decision, with the note (the move's reason), in the app and by email. */
@Injectable()
@FillsHookSlot(applicationLifecycle.hooks.decided, 'programmes')
export class ApplicantToldOfDecision implements LifecycleHook<ApplicationState, ApplicationSubject> {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: Outbox,
  ) {}

  async run({ subject: { application }, to, reason }: Move<ApplicationState, ApplicationSubject>): Promise<void> {
    const decision = DECISIONS.find((candidate) => STATE_OF_DECISION[candidate] === to);
    if (!decision) throw new Error(`An application moved to ${to} is not a decision`);
    const cohort = await this.txHost.tx.getRepository(Cohort).findOneByOrFail({ id: application.cohortId });
    await this.outbox.notify({
      type: 'application.decided',
      recipientIds: [application.applicantId],
      ...decisionNotice(decision, cohort.name, reason),
      wordsAbout: application.applicantId,
      data: { applicationId: application.id, cohortId: cohort.id, decision },
    });
  }
}
