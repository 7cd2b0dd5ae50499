import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MeetingReminders } from '@samverka/dialogue';
import { IdentityRetention } from '@samverka/identity';
import { PlatformRetention, type Reminder } from '@samverka/platform';
import { ReviewReminders } from '@samverka/programmes';
import { MATCHING_RUN_QUEUE, MatchingRunsService, MatchReminders, MilestoneReminders, type MatchingRunJob } from '@samverka/tracks';
import PgBoss from 'pg-boss';
import { ReminderDispatch } from './reminder-dispatch.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

/** Reminders go out early in the Swedish morning (07:00 UTC is 08:00 or 09:00 in Sweden). */
const REMINDER_CRON = '0 7 * * *';

interface ScheduledJob {
  queue: string;
  /** Cron in the server's time zone (UTC). */
  cron: string;
  run(): Promise<Record<string, number>>;
}

/**
 * Jobs that run on a schedule, through pg-boss: its schedule and locks live in PostgreSQL,
 * so with several workers each job still runs once per tick. Also the jobs the API sends:
 * matching runs too large to solve inside a request.
 */
@Injectable()
export class ScheduledJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ScheduledJobs');
  private readonly boss: PgBoss;
  private readonly jobs: ScheduledJob[];

  constructor(
    @Inject(DATABASE_URL) databaseUrl: string,
    identityRetention: IdentityRetention,
    platformRetention: PlatformRetention,
    reminders: ReminderDispatch,
    matchReminders: MatchReminders,
    reviewReminders: ReviewReminders,
    milestoneReminders: MilestoneReminders,
    private readonly matchingRuns: MatchingRunsService,
    meetingReminders: MeetingReminders,
  ) {
    // The schema comes from a migration (1763950000000-job-queue), so pg-boss must not migrate it.
    this.boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', migrate: false, max: 4 });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    // Each reminder job finds who is due and sends through the outbox, once a day per person.
    const reminderJob = (queue: string, due: () => Promise<Reminder[]>): ScheduledJob => ({
      queue,
      cron: REMINDER_CRON,
      run: async () => ({ reminded: await reminders.send(await due()) }),
    });
    this.jobs = [
      {
        queue: 'retention',
        cron: '17 3 * * *',
        run: async () => ({ ...(await identityRetention.purge()), ...(await platformRetention.purge()), ...(await reminders.purge()) }),
      },
      reminderJob('match-response-reminders', () => matchReminders.due()),
      reminderJob('review-reminders', () => reviewReminders.due()),
      reminderJob('milestone-reminders', () => milestoneReminders.due()),
      // People signed up without an account: marked as reminded in the statement that picks them.
      { queue: 'dialogue-meeting-reminders', cron: REMINDER_CRON, run: async () => ({ reminded: await meetingReminders.send() }) },
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    // Every queue comes from a migration: workers started together deadlocked creating them.
    for (const job of this.jobs) {
      await this.boss.schedule(job.queue, job.cron);
      await this.boss.work(job.queue, async () => {
        const counts = await job.run();
        this.logger.log({ job: job.queue, counts }, 'scheduled job done');
      });
    }
    await this.boss.work<MatchingRunJob>(MATCHING_RUN_QUEUE, async ([job]) => {
      await this.matchingRuns.solveQueued(job.data.runId);
      this.logger.log({ job: MATCHING_RUN_QUEUE, runId: job.data.runId }, 'matching run job done');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
