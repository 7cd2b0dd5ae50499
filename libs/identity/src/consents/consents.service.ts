import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertVersion, AuditTrail, ConflictError, NotFoundError } from '@samverka/platform';
import { ConsentPurpose, ConsentRecord } from './consent.entities.js';

export interface ConsentState {
  purpose: ConsentPurpose;
  /** The latest decision, or null when the person was never asked. */
  latest: ConsentRecord | null;
}

export interface PurposeWording {
  titleSv: string;
  titleEn: string;
  textSv: string;
  textEn: string;
  active: boolean;
}

/** Consent per purpose, recorded with its time and the version of the text it answered. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
  ) {}

  private get purposes() {
    return this.txHost.tx.getRepository(ConsentPurpose);
  }

  private get records() {
    return this.txHost.tx.getRepository(ConsentRecord);
  }

  listPurposes(): Promise<ConsentPurpose[]> {
    return this.purposes.find({ order: { key: 'ASC' } });
  }

  async stateOf(userId: string): Promise<ConsentState[]> {
    const [purposes, latest] = await Promise.all([
      this.purposes.find({ where: { active: true, forAccounts: true }, order: { key: 'ASC' } }),
      this.records
        .createQueryBuilder('r')
        .distinctOn(['r.purpose'])
        .where('r.user_id = :userId', { userId })
        .orderBy('r.purpose')
        .addOrderBy('r.recorded_at', 'DESC')
        .getMany(),
    ]);
    return purposes.map((purpose) => ({ purpose, latest: latest.find((record) => record.purpose === purpose.key) ?? null }));
  }

  history(userId: string): Promise<ConsentRecord[]> {
    return this.records.find({ where: { userId }, order: { recordedAt: 'ASC' } });
  }

  /** Gives or withdraws; the person must answer the current wording. */
  async decide(userId: string, key: string, given: boolean, textVersion: number): Promise<ConsentState> {
    return this.txHost.withTransaction(async () => {
      const purpose = await this.purposes.findOneBy({ key, active: true, forAccounts: true });
      if (!purpose) throw new NotFoundError('Consent purpose', key);
      if (textVersion !== purpose.textVersion) {
        throw new ConflictError('consent_text_changed', `The text of "${key}" is now version ${purpose.textVersion}; read it again and answer that.`, {
          currentTextVersion: purpose.textVersion,
        });
      }
      const record = await this.records.save(this.records.create({ userId, purpose: key, textVersion, given }));
      await this.audit.record({ action: given ? 'consent.given' : 'consent.withdrawn', entityType: 'consent', entityId: record.id, to: given ? 'given' : 'withdrawn', details: { purpose: key, textVersion } });
      return { purpose, latest: record };
    });
  }

  /** True when the person's latest answer for the purpose is yes. */
  async hasConsented(userId: string, key: string): Promise<boolean> {
    const latest = await this.records.findOne({ where: { userId, purpose: key }, order: { recordedAt: 'DESC' } });
    return latest?.given ?? false;
  }

  /** An installation rewords a purpose: a changed text is a new text version, asked anew. */
  async reword(key: string, expectedVersion: number | undefined, wording: PurposeWording): Promise<ConsentPurpose> {
    return this.txHost.withTransaction(async () => {
      const purpose = await this.purposes.findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
      if (!purpose) throw new NotFoundError('Consent purpose', key);
      assertVersion('consent purpose', expectedVersion, purpose.version);
      const textChanged = (['titleSv', 'titleEn', 'textSv', 'textEn'] as const).some((field) => purpose[field] !== wording[field]);
      Object.assign(purpose, wording);
      if (textChanged) purpose.textVersion += 1;
      const saved = await this.purposes.save(purpose);
      await this.audit.record({ action: 'consent_purpose.updated', entityType: 'consent_purpose', details: { purpose: key, textVersion: saved.textVersion, active: saved.active } });
      return saved;
    });
  }
}
