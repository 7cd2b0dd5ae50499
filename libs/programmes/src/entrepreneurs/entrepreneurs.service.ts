import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AccessPolicy, assertVersion, AuditTrail, CurrentActor, normaliseLanguages, normaliseTags, NotFoundError, ReferenceData } from '@samverka/platform';
import { ApplicationRecords } from '../access/programme-access.js';
import { Application } from '../applications/application.entity.js';
import { EntrepreneurProfile, type EntrepreneurKind } from './entrepreneur-profile.entity.js';

export interface ProfileInput {
  kind: EntrepreneurKind;
  organisation?: string;
  competences?: string[];
  themes?: string[];
  sdgs?: number[];
  languages?: string[];
  municipalityCode?: string | null;
  hoursPerWeek?: number | null;
  pitch?: string;
}

export interface ProfileWithCounty {
  profile: EntrepreneurProfile;
  countyCode: string | null;
}

@Injectable()
export class EntrepreneursService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly actor: CurrentActor,
    private readonly access: AccessPolicy,
    private readonly reference: ReferenceData,
    private readonly audit: AuditTrail,
  ) {}

  private get profiles() {
    return this.txHost.tx.getRepository(EntrepreneurProfile);
  }

  async mine(): Promise<ProfileWithCounty> {
    const profile = await this.profiles.findOneBy({ userId: this.actor.required.id });
    if (!profile) throw new NotFoundError('Entrepreneur profile');
    return this.withCounty(profile);
  }

  /** Creates the caller's profile, or replaces it when based on its current version (If-Match). */
  async saveMine(input: ProfileInput, expectedVersion: number | undefined): Promise<{ created: boolean } & ProfileWithCounty> {
    const languages = normaliseLanguages(input.languages ?? []);
    if (input.sdgs?.length) await this.reference.assertSdgs(input.sdgs, 'sdgs');
    if (input.municipalityCode) await this.reference.assertMunicipality(input.municipalityCode, 'municipalityCode');
    const userId = this.actor.required.id;
    return this.txHost.withTransaction(async () => {
      const existing = await this.profiles.findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (existing) assertVersion('entrepreneur profile', expectedVersion, existing.version);
      const profile = Object.assign(existing ?? this.profiles.create({ userId }), {
        kind: input.kind,
        organisation: input.organisation ?? '',
        competences: normaliseTags(input.competences ?? []),
        themes: normaliseTags(input.themes ?? []),
        sdgs: [...new Set(input.sdgs ?? [])].sort((a, b) => a - b),
        languages,
        municipalityCode: input.municipalityCode ?? null,
        hoursPerWeek: input.hoursPerWeek ?? null,
        pitch: input.pitch ?? '',
      });
      const saved = await this.profiles.save(profile);
      await this.audit.record({ action: existing ? 'entrepreneur_profile.updated' : 'entrepreneur_profile.created', entityType: 'entrepreneur_profile', entityId: userId });
      return { created: !existing, ...(await this.withCounty(saved)) };
    });
  }

  /** A manager reads the profile of someone who applied (not a draft) to one of their cohorts. */
  async ofApplicant(userId: string): Promise<ProfileWithCounty> {
    const applied = await (
      await this.access.filter(this.txHost.tx.getRepository(Application).createQueryBuilder('a').where('a.applicant_id = :userId', { userId }), ApplicationRecords, 'manage')
    ).getExists();
    const profile = applied ? await this.profiles.findOneBy({ userId }) : null;
    if (!profile) throw new NotFoundError('Entrepreneur profile', userId);
    return this.withCounty(profile);
  }

  private async withCounty(profile: EntrepreneurProfile): Promise<ProfileWithCounty> {
    const municipality = profile.municipalityCode ? await this.reference.assertMunicipality(profile.municipalityCode, 'municipalityCode') : null;
    return { profile, countyCode: municipality?.countyCode ?? null };
  }
}
