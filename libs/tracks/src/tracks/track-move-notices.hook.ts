import { Injectable } from '@nestjs/common';
import { FillsHookSlot, type LifecycleHook, type Move } from '@samverka/platform';
import { trackLifecycle, type TrackSubject } from './track-lifecycle.js';
import { TrackNotices, type TrackMessage } from './track-notices.js';
import { moveAction, type TrackStage } from './track-stages.js';

const MOVE_MESSAGES: Record<TrackStage, TrackMessage> = {
  matched: { title: { sv: 'Spåret har startat', en: 'The track has started' }, body: { sv: 'Matchningen är bekräftad.', en: 'The match is confirmed.' } },
  co_design: { title: { sv: 'Samskapandet har börjat', en: 'Co-design has started' }, body: { sv: 'Spåret är nu i samskapande.', en: 'The track is now in co-design.' } },
  test_environment: { title: { sv: 'Dags att testa', en: 'Time to test' }, body: { sv: 'Spåret har gått in i testmiljön enligt testplanen.', en: 'The track has entered the test environment as planned.' } },
  evaluation: { title: { sv: 'Utvärderingen har börjat', en: 'Evaluation has started' }, body: { sv: 'Testerna utvärderas nu.', en: 'The tests are now being evaluated.' } },
  graduated: { title: { sv: 'Grattis till examen!', en: 'Congratulations on graduating!' }, body: { sv: 'Spåret är klart och utfallet är registrerat.', en: 'The track is complete and its outcome is recorded.' } },
  discontinued: { title: { sv: 'Spåret har avbrutits', en: 'The track was discontinued' }, body: { sv: 'Skälet finns i spårets historik.', en: 'The reason is in the track’s history.' } },
};

/** The participant and the department hear of every move of their track, in the app and by email. */
@Injectable()
@FillsHookSlot(trackLifecycle.hooks.told, 'tracks')
export class TrackMoveTold implements LifecycleHook<TrackStage, TrackSubject> {
  constructor(private readonly notices: TrackNotices) {}

  run({ subject: { track }, from, to }: Move<TrackStage, TrackSubject>): Promise<void> {
    return this.notices.tell(track, moveAction(to), MOVE_MESSAGES[to], { emailToo: true, data: { from } });
  }
}
