import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InvitationsService, UsersService, type Invitation, type User } from '@samverka/identity';
import { AccessPolicy, assertVersion, AuditTrail, ConflictError, CurrentActor, isUniqueViolation, NotFoundError, type Page, type PageQueryDto, paginate, ReferenceData, ValidationFailedError } from '@samverka/platform';
import { Department, DepartmentMembership } from './department.entity.js';
import { DepartmentMembershipService } from './department-membership.service.js';
import { DepartmentRecords } from '../access/challenge-access.js';

export interface DepartmentData {
  name: string;
  organisation: string;
  municipalityCode: string;
  description?: string | null;
}

export interface DepartmentMember {
  membership: DepartmentMembership;
  user: User;
}

@Injectable()
export class DepartmentsService {
  private readonly logger = new Logger('Departments');

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly actor: CurrentActor,
    private readonly reference: ReferenceData,
    private readonly membership: DepartmentMembershipService,
    private readonly access: AccessPolicy,
    private readonly invitations: InvitationsService,
    private readonly users: UsersService,
  ) {}

  private get departments() {
    return this.txHost.tx.getRepository(Department);
  }

  private get memberships() {
    return this.txHost.tx.getRepository(DepartmentMembership);
  }

  /** A department the caller may see; anyone else's is simply not found. */
  get(id: string): Promise<Department> {
    return this.access.require(DepartmentRecords, 'read', id);
  }

  /** A department the caller belongs to: only its members change what it offers. */
  getAsMember(id: string): Promise<Department> {
    return this.access.require(DepartmentRecords, 'member', id);
  }

  async list(query: PageQueryDto): Promise<Page<Department>> {
    const qb = await this.access.filter(this.departments.createQueryBuilder('d'), DepartmentRecords, 'read');
    return paginate(qb, query, { sortColumn: 'd.created_at', idColumn: 'd.id', direction: 'ASC', keyOf: (d) => [d.createdAt.toISOString(), d.id] });
  }

  async create(data: DepartmentData): Promise<Department> {
    return this.txHost.withTransaction(async () => {
      await this.reference.assertMunicipality(data.municipalityCode, 'municipalityCode');
      const department = await this.saveUnique(this.departments.create({ ...data, description: data.description ?? null }));
      await this.audit.record({ action: 'department.created', entityType: 'department', entityId: department.id, to: 'active' });
      return department;
    });
  }

  async update(id: string, expectedVersion: number | undefined, data: DepartmentData): Promise<Department> {
    return this.txHost.withTransaction(async () => {
      const department = await this.departments.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!department) throw new NotFoundError('Department', id);
      assertVersion('department', expectedVersion, department.version);
      await this.reference.assertMunicipality(data.municipalityCode, 'municipalityCode');
      Object.assign(department, { ...data, description: data.description ?? null });
      const saved = await this.saveUnique(department);
      await this.audit.record({ action: 'department.updated', entityType: 'department', entityId: id, details: { fields: Object.keys(data) } });
      return saved;
    });
  }

  private async saveUnique(department: Department): Promise<Department> {
    try {
      return await this.departments.save(department);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('department_exists', `${department.organisation} already has a department named ${department.name}.`);
      throw error;
    }
  }

  async listMembers(departmentId: string, query: PageQueryDto): Promise<Page<DepartmentMember>> {
    await this.get(departmentId);
    const qb = this.memberships.createQueryBuilder('m').where('m.department_id = :departmentId', { departmentId });
    const page = await paginate(qb, query, { sortColumn: 'm.added_at', idColumn: 'm.user_id', direction: 'ASC', keyOf: (m) => [m.addedAt.toISOString(), m.userId] });
    const items = await Promise.all(page.items.map(async (membership) => ({ membership, user: await this.users.getById(membership.userId) })));
    return { items, nextCursor: page.nextCursor };
  }

  /** Invites a person by email (the invitation checks the department's scope); accepting it makes them a member (see `addMemberFromInvitation`). */
  inviteMember(departmentId: string, email: string): Promise<{ invitation: Invitation; token: string }> {
    return this.invitations.invite({ email, role: 'department_member', scope: { departmentId } });
  }

  /** Adds a person who already holds the department_member role. */
  async addMember(departmentId: string, userId: string): Promise<DepartmentMember> {
    return this.txHost.withTransaction(async () => {
      await this.get(departmentId);
      const user = await this.users.findById(userId);
      if (!user || user.status !== 'active' || !user.roles.includes('department_member')) {
        throw new ValidationFailedError([{ field: 'userId', message: 'userId must be an active person holding the department_member role' }]);
      }
      const alreadyMember = () => new ConflictError('already_member', 'This person is already a member of the department.');
      if (await this.membership.isMember(userId, departmentId)) throw alreadyMember();
      try {
        const membership = await this.insertMembership(departmentId, userId, this.actor.required.id);
        return { membership, user };
      } catch (error) {
        // Two admins adding the same person at once: the key decides, the second is told so.
        if (isUniqueViolation(error)) throw alreadyMember();
        throw error;
      }
    });
  }

  async removeMember(departmentId: string, userId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const result = await this.memberships.delete({ departmentId, userId });
      if (!result.affected) throw new NotFoundError('Department member', userId);
      await this.audit.record({ action: 'department.member_removed', entityType: 'department', entityId: departmentId, details: { userId } });
    });
  }

  /** Runs inside the accepting transaction: the invitation's department gains its new member. */
  async addMemberFromInvitation(invitation: Invitation, user: User): Promise<void> {
    const departmentId = invitation.scope.departmentId;
    if (invitation.role !== 'department_member' || !departmentId) return;
    if (!(await this.departments.existsBy({ id: departmentId }))) {
      this.logger.warn({ invitationId: invitation.id, departmentId }, 'invitation names an unknown department; no membership added');
      return;
    }
    if (await this.membership.isMember(user.id, departmentId)) return;
    await this.insertMembership(departmentId, user.id, invitation.invitedBy, user.id);
  }

  private async insertMembership(departmentId: string, userId: string, addedBy: string | null, actorId?: string): Promise<DepartmentMembership> {
    // insert, not save: save would quietly update a row another request just added.
    await this.memberships.insert({ departmentId, userId, addedBy });
    const membership = await this.memberships.findOneByOrFail({ departmentId, userId });
    await this.audit.record({ action: 'department.member_added', entityType: 'department', entityId: departmentId, actorId, details: { userId } });
    return membership;
  }
}
