import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ValidationFailedError } from '../errors/domain-error.js';
import { County, Municipality, Sdg } from './reference.entities.js';

interface Tables {
  sdgs: readonly Sdg[];
  counties: readonly County[];
  municipalities: readonly Municipality[];
  municipalityByCode: ReadonlyMap<string, Municipality>;
  sdgNumbers: ReadonlySet<number>;
}

/**
 * The UN SDGs and Sweden's counties and municipalities, as loaded by the first migration. Only
 * a migration changes them, and migrations run before an instance starts, so each process reads
 * them once: checking a draft's municipality and goals then costs no statement.
 */
@Injectable()
export class ReferenceData {
  private tables?: Promise<Tables>;

  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async sdgs(): Promise<Sdg[]> {
    return [...(await this.loaded()).sdgs];
  }

  async counties(): Promise<County[]> {
    return [...(await this.loaded()).counties];
  }

  async municipalities(countyCode?: string): Promise<Municipality[]> {
    const { municipalities } = await this.loaded();
    return municipalities.filter((municipality) => !countyCode || municipality.countyCode === countyCode);
  }

  /** Throws a validation error naming `field` when the code is not a Swedish municipality. */
  async assertMunicipality(code: string, field: string): Promise<Municipality> {
    const municipality = (await this.loaded()).municipalityByCode.get(code);
    if (!municipality) throw new ValidationFailedError([{ field, message: `${code} is not a municipality code (SCB, four digits)` }]);
    return municipality;
  }

  async assertSdgs(numbers: number[], field: string): Promise<void> {
    const { sdgNumbers } = await this.loaded();
    if (!numbers.every((number) => sdgNumbers.has(number))) throw new ValidationFailedError([{ field, message: 'each SDG must be a goal number from 1 to 17' }]);
  }

  private loaded(): Promise<Tables> {
    this.tables ??= this.load().catch((error: unknown) => {
      // A failed read (the database away) is tried again by the next request, not remembered.
      this.tables = undefined;
      throw error;
    });
    return this.tables;
  }

  private async load(): Promise<Tables> {
    // The caller's transaction, if any: a second connection could wait on a pool it holds.
    const manager = this.txHost.tx;
    const [sdgs, counties, municipalities] = await Promise.all([
      manager.find(Sdg, { order: { number: 'ASC' } }),
      manager.find(County, { order: { code: 'ASC' } }),
      manager.find(Municipality, { order: { code: 'ASC' } }),
    ]);
    return {
      sdgs,
      counties,
      municipalities,
      municipalityByCode: new Map(municipalities.map((municipality) => [municipality.code, municipality])),
      sdgNumbers: new Set(sdgs.map((sdg) => sdg.number)),
    };
  }
}
