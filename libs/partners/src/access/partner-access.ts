import { Injectable } from '@nestjs/common';
import { AccessPolicy, ALLOW, DENY, RecordKind } from '@samverka/platform';
import { PartnerInterest, PartnerPost } from '../posts/partner-post.entity.js';

/**
 * `read`: every signed-in person sees the posts that are not hidden; a hidden post only its
 * author (with the reason) and admins. `edit`: change or withdraw it (its author only).
 * `moderate`: hide it, or show it again (admins).
 */
export const PartnerPostRecords = new RecordKind<PartnerPost, 'read' | 'edit' | 'moderate'>('partner_post', PartnerPost);

/** `read`: the interested person and the post's author; `answer`: accept or decline (the author); `withdraw`: the interested person. */
export const PartnerInterestRecords = new RecordKind<PartnerInterest, 'read' | 'answer' | 'withdraw'>('partner_interest', PartnerInterest);

const postAuthoredByCaller = (postIdColumn: string) => `EXISTS (SELECT 1 FROM partner_posts interest_post WHERE interest_post.id = ${postIdColumn} AND interest_post.author_id = :callerId)`;

/** The partner board's access rules, registered with the one policy. */
@Injectable()
export class PartnerAccessRules {
  constructor(policy: AccessPolicy) {
    policy.define(PartnerPostRecords, {
      read: (caller, p) => (caller.is('admin') ? ALLOW : { sql: `(${p}.hidden_at IS NULL OR ${p}.author_id = :callerId)` }),
      edit: (_caller, p) => ({ sql: `${p}.author_id = :callerId` }),
      moderate: (caller) => (caller.is('admin') ? ALLOW : DENY),
    });

    policy.define(PartnerInterestRecords, {
      read: (_caller, i) => ({ sql: `(${i}.user_id = :callerId OR ${postAuthoredByCaller(`${i}.post_id`)})` }),
      answer: (_caller, i) => ({ sql: postAuthoredByCaller(`${i}.post_id`) }),
      withdraw: (_caller, i) => ({ sql: `${i}.user_id = :callerId` }),
    });
  }
}
