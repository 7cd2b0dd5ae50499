import { Injectable } from '@nestjs/common';
import { ProgrammeDirectory, type CohortSummary } from '@samverka/programmes';
import { CurrentActor, NotFoundError } from '@samverka/platform';

/** Who may run a cohort's journey: its programme's managers, and admins. Others do not see it. */
@Injectable()
export class CohortAccess {
  constructor(
    private readonly programmes: ProgrammeDirectory,
    private readonly actor: CurrentActor,
  ) {}

  async managedCohort(cohortId: string): Promise<CohortSummary> {
    const cohort = await this.programmes.findCohort(cohortId);
    const actor = this.actor.required;
    if (cohort && (actor.roles.includes('admin') || (await this.programmes.isManagerOfProgramme(actor.id, cohort.programmeId)))) return cohort;
    throw new NotFoundError('Cohort', cohortId);
  }

  /** Cohorts whose journey the caller manages; undefined for an admin, who sees all. */
  async managedCohortIds(): Promise<string[] | undefined> {
    const actor = this.actor.required;
    if (actor.roles.includes('admin')) return undefined;
    if (!actor.roles.includes('programme_manager')) return [];
    return this.programmes.cohortIdsOfProgrammes(await this.programmes.managedProgrammeIds(actor.id));
  }
}
