import { Injectable } from '@nestjs/common';
import { AccessPolicy, NotFoundError } from '@samverka/platform';
import { ProgrammeDirectory, ProgrammeRecords } from '@samverka/programmes';
import { TracksService } from '@samverka/tracks';

/**
 * Who may see a programme's metrics: its managers and admins (who also define them), and
 * everyone on one of its tracks, who records measurements against them. Others: 404.
 */
@Injectable()
export class ProgrammeAccess {
  constructor(
    private readonly access: AccessPolicy,
    private readonly directory: ProgrammeDirectory,
    private readonly tracks: TracksService,
  ) {}

  /** Throws NotFoundError unless the caller manages the programme (or is an admin). */
  async assertManaged(programmeId: string): Promise<void> {
    await this.access.require(ProgrammeRecords, 'manage', programmeId);
  }

  async assertReadable(programmeId: string): Promise<void> {
    if (await this.access.allows(ProgrammeRecords, 'manage', programmeId)) return;
    // The tracks context scopes its list to the caller, so one visible track in any cohort is enough.
    const cohortIds = await this.directory.cohortIdsOfProgrammes([programmeId]);
    if ((await this.tracks.list({ cohortIds }, { limit: 1 })).items.length) return;
    throw new NotFoundError('Programme', programmeId);
  }
}
