import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { ValidationFailedError } from '../errors/domain-error.js';
import { County, Municipality, Sdg } from './reference.entities.js';

/** The UN SDGs and Sweden's counties and municipalities, as loaded by the first migration. */
@Injectable()
export class ReferenceData {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  sdgs(): Promise<Sdg[]> {
    return this.txHost.tx.getRepository(Sdg).find({ order: { number: 'ASC' } });
  }

  counties(): Promise<County[]> {
    return this.txHost.tx.getRepository(County).find({ order: { code: 'ASC' } });
  }

  municipalities(countyCode?: string): Promise<Municipality[]> {
    return this.txHost.tx.getRepository(Municipality).find({ where: countyCode ? { countyCode } : {}, order: { code: 'ASC' } });
  }

  /** Throws a validation error naming `field` when the code is not a Swedish municipality. */
  async assertMunicipality(code: string, field: string): Promise<Municipality> {
    const municipality = await this.txHost.tx.getRepository(Municipality).findOneBy({ code });
    if (!municipality) throw new ValidationFailedError([{ field, message: `${code} is not a municipality code (SCB, four digits)` }]);
    return municipality;
  }

  async assertSdgs(numbers: number[], field: string): Promise<void> {
    const unique = [...new Set(numbers)];
    const found = await this.txHost.tx.getRepository(Sdg).countBy({ number: In(unique) });
    if (found !== unique.length) throw new ValidationFailedError([{ field, message: 'each SDG must be a goal number from 1 to 17' }]);
  }
}
