import { Platform1763900000000 } from './1763900000000-platform.js';
import { Programmes1763910000000 } from './1763910000000-programmes.js';
import { Challenges1763920000000 } from './1763920000000-challenges.js';
import { Notifications1763930000000 } from './1763930000000-notifications.js';
import { Consents1763940000000 } from './1763940000000-consents.js';
import { JobQueue1763950000000 } from './1763950000000-job-queue.js';
import { Journey1763960000000 } from './1763960000000-journey.js';
import { Tracks1763970000000 } from './1763970000000-tracks.js';
import { Reminders1763980000000 } from './1763980000000-reminders.js';
import { Impact1763990000000 } from './1763990000000-impact.js';
import { MethodCards1764000000000 } from './1764000000000-method-cards.js';
import { ErasableTexts1764010000000 } from './1764010000000-erasable-texts.js';
import { EmailConfirmation1764100000000 } from './1764100000000-email-confirmation.js';
import { IdempotentEtag1764110000000 } from './1764110000000-idempotent-etag.js';
import { GeneratedColumnExpressions1764200000000 } from './1764200000000-generated-column-expressions.js';
import { StageNorms1764300000000 } from './1764300000000-stage-norms.js';
import { MatchingRunJobs1764400000000 } from './1764400000000-matching-run-jobs.js';
import { OpenKnowledge1764500000000 } from './1764500000000-open-knowledge.js';
import { OpenLearnings1764600000000 } from './1764600000000-open-learnings.js';
import { Partners1764800000000 } from './1764800000000-partners.js';
import { Dialogue1764700000000 } from './1764700000000-dialogue.js';
import { InvitationRevocation1764860000000 } from './1764860000000-invitation-revocation.js';
import { MatchingRunFailureCodes1764940000000 } from './1764940000000-matching-run-failure-codes.js';
import { RetentionQueue1765000000000 } from './1765000000000-retention-queue.js';

/** Every migration, oldest first. A new migration is added here when it is generated. */
export const migrations = [Platform1763900000000, Programmes1763910000000, Challenges1763920000000, Notifications1763930000000, Consents1763940000000, JobQueue1763950000000, Journey1763960000000, Tracks1763970000000, Reminders1763980000000, Impact1763990000000, MethodCards1764000000000, ErasableTexts1764010000000, EmailConfirmation1764100000000, IdempotentEtag1764110000000, GeneratedColumnExpressions1764200000000, StageNorms1764300000000, MatchingRunJobs1764400000000, OpenKnowledge1764500000000, OpenLearnings1764600000000, Dialogue1764700000000, Partners1764800000000, InvitationRevocation1764860000000, MatchingRunFailureCodes1764940000000, RetentionQueue1765000000000];
