import { Injectable } from '@nestjs/common';
import { CurrentActor, NotFoundError } from '@samverka/platform';
import { ProgrammeDirectory, ProgrammesService } from '@samverka/programmes';
import { TracksService } from '@samverka/tracks';

/**
 * Who may see a programme's metrics: its managers and admins (who also define them), and
 * everyone on one of its tracks, who records measurements against them. Others: 404.
 */
@Injectable()
export class ProgrammeAccess {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly directory: ProgrammeDirectory,
    private readonly tracks: TracksService,
    private readonly actor: CurrentActor,
  ) {}

  /** Throws NotFoundError unless the caller manages the programme (or is an admin). */
  async assertManaged(programmeId: string): Promise<void> {
    await this.programmes.get(programmeId);
  }

  async assertReadable(programmeId: string): Promise<void> {
    const actor = this.actor.required;
    if (actor.roles.includes('admin') || (await this.directory.isManagerOfProgramme(actor.id, programmeId))) return this.assertManaged(programmeId);
    // The tracks context scopes its list to the caller, so one visible track in any cohort is enough.
    const cohortIds = await this.directory.cohortIdsOfProgrammes([programmeId]);
    if ((await this.tracks.list({ cohortIds }, { limit: 1 })).items.length) return;
    throw new NotFoundError('Programme', programmeId);
  }
}
