import { Injectable } from '@nestjs/common';
import { normaliseTags, type Page, type PageQueryDto } from '@samverka/platform';
import { assertStageIn } from './stage-rules.js';
import { TrackFollowUp, TrackLearning, TrackNote, type LearningKind } from './track-entries.entity.js';
import { TrackJournal } from './track-journal.js';

export interface LearningFilter {
  kind?: LearningKind;
  tag?: string;
}

const byCreation = { sortColumn: 'e.created_at', sortValue: (entry: { createdAt: Date }) => entry.createdAt.toISOString() };

const KIND_NAMES: Record<LearningKind, { sv: string; en: string }> = {
  insight: { sv: 'insikt', en: 'insight' },
  obstacle: { sv: 'hinder', en: 'obstacle' },
  enabler: { sv: 'möjliggörare', en: 'enabler' },
  method: { sv: 'metod', en: 'method' },
};

/** The written record of a track: learnings, notes, and follow-ups after graduation. */
@Injectable()
export class TrackEntriesService {
  constructor(private readonly journal: TrackJournal) {}

  listLearnings(trackId: string, filter: LearningFilter, page: PageQueryDto): Promise<Page<TrackLearning>> {
    return this.journal.list(trackId, TrackLearning, page, byCreation, (qb) => {
      if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
      const [tag] = filter.tag ? normaliseTags([filter.tag]) : [];
      if (tag) qb.andWhere(':tag = ANY(e.tags)', { tag });
    });
  }

  addLearning(trackId: string, learning: { kind: LearningKind; text: string; tags?: string[] }): Promise<TrackLearning> {
    const kind = KIND_NAMES[learning.kind];
    return this.journal.add(trackId, TrackLearning, () => ({ kind: learning.kind, text: learning.text, tags: normaliseTags(learning.tags ?? []) }), {
      action: 'track.learning_added',
      message: { title: { sv: `Ny lärdom: ${kind.sv}`, en: `New learning: ${kind.en}` }, body: { sv: learning.text, en: learning.text } },
    });
  }

  listNotes(trackId: string, page: PageQueryDto): Promise<Page<TrackNote>> {
    return this.journal.list(trackId, TrackNote, page, byCreation);
  }

  addNote(trackId: string, text: string): Promise<TrackNote> {
    return this.journal.add(trackId, TrackNote, () => ({ text }), {
      action: 'track.note_added',
      message: { title: { sv: 'Ny anteckning', en: 'New note' }, body: { sv: text, en: text } },
    });
  }

  listFollowUps(trackId: string, page: PageQueryDto): Promise<Page<TrackFollowUp>> {
    return this.journal.list(trackId, TrackFollowUp, page, { sortColumn: 'e.followed_up_on', sortValue: (f) => f.followedUpOn });
  }

  /** How it went after graduation; before it, there is nothing to follow up (409). */
  addFollowUp(trackId: string, followUp: { followedUpOn: string; text: string }): Promise<TrackFollowUp> {
    return this.journal.add(
      trackId,
      TrackFollowUp,
      (track) => {
        assertStageIn(track, ['graduated'], 'track_not_graduated', 'Follow-ups cannot be added');
        return { followedUpOn: followUp.followedUpOn, text: followUp.text };
      },
      { action: 'track.follow_up_added', message: { title: { sv: 'Uppföljning efter examen', en: 'Follow-up after graduation' }, body: { sv: followUp.text, en: followUp.text } } },
    );
  }
}
