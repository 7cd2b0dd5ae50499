import { Injectable } from '@nestjs/common';
import { AccessPolicy, CurrentActor, NotFoundError } from '@samverka/platform';
import { CohortRecords, ProgrammeDirectory } from '@samverka/programmes';
import { TracksService, type Track } from '@samverka/tracks';

/**
 * Who may see and record a participant's measurements in a cohort: the participant, everyone
 * on one of their tracks there, and the cohort's managers (and admins). Others: 404.
 */
@Injectable()
export class ParticipantAccess {
  constructor(
    private readonly directory: ProgrammeDirectory,
    private readonly access: AccessPolicy,
    private readonly tracks: TracksService,
    private readonly actor: CurrentActor,
  ) {}

  /** The participant's tracks in the cohort that the caller sees; throws NotFoundError when the caller may not see the participant. */
  async tracksOf(cohortId: string, participantId: string): Promise<Track[]> {
    const participants = await this.directory.participantsOfCohort(cohortId);
    if (!participants.some((participant) => participant.userId === participantId)) throw new NotFoundError('Participant', participantId);
    const tracks = await this.visibleTracks(cohortId, participantId);
    if (participantId !== this.actor.required.id && !tracks.length) await this.access.require(CohortRecords, 'manage', cohortId);
    return tracks;
  }

  /** The tracks context lists only what the caller is on; a participant holds a track or two in a cohort. */
  private async visibleTracks(cohortId: string, participantId: string): Promise<Track[]> {
    return (await this.tracks.list({ cohortId, participantId }, { limit: 100 })).items;
  }
}
