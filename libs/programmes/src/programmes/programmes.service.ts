import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { UsersService } from '@samverka/identity';
import { AccessPolicy, assertVersion, AuditTrail, paginate, ValidationFailedError, type Page, type PageQueryDto } from '@samverka/platform';
import { In } from 'typeorm';
import { ProgrammeRecords } from '../access/programme-access.js';
import { keyedListProblems, questionProblems, type GraduationCriterion, type Question, type RubricCriterion } from '../content/cohort-content.js';
import { Programme, ProgrammeManager } from './programme.entity.js';

export interface ProgrammeChanges {
  name?: string;
  description?: string;
  defaultQuestions?: Question[];
  defaultRubric?: RubricCriterion[];
  defaultGraduationCriteria?: GraduationCriterion[];
}

export interface ProgrammeWithManagers {
  programme: Programme;
  managerIds: string[];
}

const definedOnly = <T extends object>(changes: T): Partial<T> =>
  Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;

function assertDefaults(changes: ProgrammeChanges): void {
  const problems = [
    ...questionProblems(changes.defaultQuestions ?? [], 'defaultQuestions'),
    ...keyedListProblems(changes.defaultRubric ?? [], 'defaultRubric'),
    ...keyedListProblems(changes.defaultGraduationCriteria ?? [], 'defaultGraduationCriteria'),
  ];
  if (problems.length) throw new ValidationFailedError(problems);
}

@Injectable()
export class ProgrammesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessPolicy,
    private readonly audit: AuditTrail,
    private readonly users: UsersService,
  ) {}

  private get programmes() {
    return this.txHost.tx.getRepository(Programme);
  }

  private get managers() {
    return this.txHost.tx.getRepository(ProgrammeManager);
  }

  async list(query: PageQueryDto): Promise<Page<Programme>> {
    const qb = await this.access.filter(this.programmes.createQueryBuilder('p'), ProgrammeRecords, 'manage');
    return paginate(qb, query, { sortColumn: 'p.created_at', idColumn: 'p.id', direction: 'ASC', keyOf: (p) => [p.createdAt.toISOString(), p.id] });
  }

  async get(id: string): Promise<Programme> {
    return this.access.require(ProgrammeRecords, 'manage', id);
  }

  async managerIdsOf(programmeIds: string[]): Promise<Map<string, string[]>> {
    const rows = programmeIds.length ? await this.managers.find({ where: { programmeId: In(programmeIds) }, order: { createdAt: 'ASC' } }) : [];
    const byProgramme = new Map<string, string[]>(programmeIds.map((id) => [id, []]));
    for (const row of rows) byProgramme.get(row.programmeId)?.push(row.userId);
    return byProgramme;
  }

  async withManagers(programme: Programme): Promise<ProgrammeWithManagers> {
    return { programme, managerIds: (await this.managerIdsOf([programme.id])).get(programme.id) ?? [] };
  }

  async create(data: ProgrammeChanges & { name: string }): Promise<Programme> {
    assertDefaults(data);
    return this.txHost.withTransaction(async () => {
      const programme = await this.programmes.save(this.programmes.create(definedOnly(data)));
      await this.audit.record({ action: 'programme.created', entityType: 'programme', entityId: programme.id });
      return programme;
    });
  }

  async update(id: string, expectedVersion: number | undefined, changes: ProgrammeChanges): Promise<Programme> {
    assertDefaults(changes);
    return this.txHost.withTransaction(async () => {
      const programme = await this.access.require(ProgrammeRecords, 'manage', id, { lock: 'pessimistic_write' });
      assertVersion('programme', expectedVersion, programme.version);
      const saved = await this.programmes.save(Object.assign(programme, definedOnly(changes)));
      await this.audit.record({ action: 'programme.updated', entityType: 'programme', entityId: id, details: { fields: Object.keys(definedOnly(changes)) } });
      return saved;
    });
  }

  /** Replaces the programme's managers; each must hold the programme_manager role. */
  async setManagers(id: string, userIds: string[]): Promise<string[]> {
    const wanted = [...new Set(userIds)];
    const problems = (
      await Promise.all(
        userIds.map(async (userId, index) => {
          const user = await this.users.findById(userId);
          return user?.status === 'active' && user.roles.includes('programme_manager') ? null : { field: `userIds[${index}]`, message: `${userId} is not an active programme manager` };
        }),
      )
    ).filter((problem) => problem !== null);
    if (problems.length) throw new ValidationFailedError(problems);
    return this.txHost.withTransaction(async () => {
      await this.access.require(ProgrammeRecords, 'manage', id, { lock: 'pessimistic_write' });
      const current = (await this.managers.findBy({ programmeId: id })).map((row) => row.userId);
      const added = wanted.filter((userId) => !current.includes(userId));
      const removed = current.filter((userId) => !wanted.includes(userId));
      if (removed.length) await this.managers.delete({ programmeId: id, userId: In(removed) });
      if (added.length) await this.managers.insert(added.map((userId) => ({ programmeId: id, userId })));
      await this.audit.record({ action: 'programme.managers_changed', entityType: 'programme', entityId: id, details: { added, removed } });
      return wanted;
    });
  }

  /** An invited programme manager joins the programme named in the invitation. */
  async addManager(programmeId: string, userId: string, invitationId: string): Promise<void> {
    if (!(await this.programmes.existsBy({ id: programmeId }))) return;
    await this.managers.createQueryBuilder().insert().values({ programmeId, userId }).orIgnore().execute();
    await this.audit.record({ action: 'programme.manager_added', entityType: 'programme', entityId: programmeId, actorId: userId, details: { userId, invitationId } });
  }
}
