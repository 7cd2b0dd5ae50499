import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertVersion, AuditTrail, NotFoundError, paginate, ReferenceData, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { In } from 'typeorm';
import { DepartmentsService } from '../departments/departments.service.js';
import { TestEnvironment } from './test-environment.entity.js';

export interface TestEnvironmentData {
  name: string;
  description?: string | null;
  address?: string | null;
  municipalityCode: string;
  contactName: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  availableFrom?: string | null;
  availableTo?: string | null;
  maxParticipants?: number | null;
  resources?: string | null;
  consentRules?: string | null;
  writtenConsentRequired: boolean;
  active?: boolean;
}

const OPTIONAL_FIELDS = ['description', 'address', 'contactEmail', 'contactPhone', 'availableFrom', 'availableTo', 'maxParticipants', 'resources', 'consentRules'] as const;

/** A PUT replaces the record: what the client left out is cleared, not kept. */
const normalised = (data: TestEnvironmentData): Omit<TestEnvironmentData, 'active'> & { active: boolean } => ({
  ...data,
  ...Object.fromEntries(OPTIONAL_FIELDS.map((field) => [field, data[field] ?? null])),
  active: data.active ?? true,
});

@Injectable()
export class TestEnvironmentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly reference: ReferenceData,
    private readonly departments: DepartmentsService,
  ) {}

  private get environments() {
    return this.txHost.tx.getRepository(TestEnvironment);
  }

  async list(departmentId: string, query: PageQueryDto & { active?: boolean }): Promise<Page<TestEnvironment>> {
    await this.departments.get(departmentId);
    const qb = this.environments.createQueryBuilder('t').where('t.department_id = :departmentId', { departmentId });
    if (query.active !== undefined) qb.andWhere('t.active = :active', { active: query.active });
    return paginate(qb, query, { sortColumn: 't.created_at', idColumn: 't.id', direction: 'ASC', keyOf: (t) => [t.createdAt.toISOString(), t.id] });
  }

  async get(departmentId: string, id: string): Promise<TestEnvironment> {
    await this.departments.get(departmentId);
    const environment = await this.environments.findOneBy({ id, departmentId });
    if (!environment) throw new NotFoundError('Test environment', id);
    return environment;
  }

  async create(departmentId: string, data: TestEnvironmentData): Promise<TestEnvironment> {
    return this.txHost.withTransaction(async () => {
      await this.departments.getAsMember(departmentId);
      await this.assertValid(data);
      const environment = await this.environments.save(this.environments.create({ ...normalised(data), departmentId }));
      await this.audit.record({ action: 'test_environment.created', entityType: 'test_environment', entityId: environment.id, to: 'active', details: { departmentId } });
      return environment;
    });
  }

  /** Replaces the record; `active: false` retires it (it can no longer be offered on a challenge). */
  async update(departmentId: string, id: string, expectedVersion: number | undefined, data: TestEnvironmentData): Promise<TestEnvironment> {
    return this.txHost.withTransaction(async () => {
      await this.departments.getAsMember(departmentId);
      const environment = await this.environments.findOne({ where: { id, departmentId }, lock: { mode: 'pessimistic_write' } });
      if (!environment) throw new NotFoundError('Test environment', id);
      assertVersion('test environment', expectedVersion, environment.version);
      await this.assertValid(data);
      const wasActive = environment.active;
      Object.assign(environment, normalised(data));
      const saved = await this.environments.save(environment);
      const stateOf = (active: boolean) => (active ? 'active' : 'retired');
      await this.audit.record({
        action: wasActive === saved.active ? 'test_environment.updated' : `test_environment.${saved.active ? 'reactivated' : 'retired'}`,
        entityType: 'test_environment',
        entityId: id,
        from: stateOf(wasActive),
        to: stateOf(saved.active),
        details: { departmentId },
      });
      return saved;
    });
  }

  /** A challenge may offer only its own department's active test environments. */
  async assertOfferable(departmentId: string, ids: readonly string[], field: string): Promise<void> {
    if (!ids.length) return;
    const unique = [...new Set(ids)];
    const found = await this.environments.countBy({ id: In(unique), departmentId, active: true });
    if (found !== unique.length) {
      throw new ValidationFailedError([{ field, message: "each test environment must be an active one from the challenge's own department" }]);
    }
  }

  private async assertValid(data: TestEnvironmentData): Promise<void> {
    await this.reference.assertMunicipality(data.municipalityCode, 'municipalityCode');
    if (data.availableFrom && data.availableTo && data.availableTo < data.availableFrom) {
      throw new ValidationFailedError([{ field: 'availableTo', message: 'availableTo must not be before availableFrom', code: 'beforeStart' }]);
    }
  }
}
