import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { assertVersion, AuditTrail, ConflictError, isUniqueViolation, NotFoundError, type Page, type PageQueryDto, paginate, queryRows, selectList, StateMachine } from '@samverka/platform';
import { type Role } from '../access/roles.js';
import { In } from 'typeorm';
import { TokenService } from '../auth/token.service.js';
import { User, type Language, type UserStatus } from './user.entity.js';

export interface NewUser {
  email: string;
  displayName: string;
  preferredLanguage?: Language;
  passwordHash: string;
  roles: Role[];
  /** Whether the address is known to be the person's (an accepted invitation, the operator's own). */
  emailConfirmed: boolean;
}

const userStatus = new StateMachine<UserStatus>('user', {
  active: ['deactivated', 'erased'],
  deactivated: ['active', 'erased'],
  erased: [],
});

/** Names for `displayNamesOf`, asked by every page of records naming people: read by hand (see `paginateRows`). */
const NAMES_BY_ID = `SELECT ${selectList<User>('u', ['id', 'displayName'])} FROM users u WHERE u.id = ANY($1::uuid[])`;
/** Every column but the password hash, as `findById` reads them. */
const USER_BY_ID = `SELECT ${selectList<User>('u', ['id', 'email', 'displayName', 'preferredLanguage', 'roles', 'status', 'emailConfirmedAt', 'version', 'createdAt', 'updatedAt'])} FROM users u WHERE u.id = $1`;

@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditTrail,
    private readonly tokens: TokenService,
  ) {}

  private get users() {
    return this.txHost.tx.getRepository(User);
  }

  async create(data: NewUser, actorId?: string | null): Promise<User> {
    return this.txHost.withTransaction(async () => {
      let user: User;
      try {
        const { emailConfirmed, ...fields } = data;
        user = await this.users.save(this.users.create({ ...fields, preferredLanguage: data.preferredLanguage ?? 'sv', emailConfirmedAt: emailConfirmed ? new Date() : null }));
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('email_taken', 'An account with this email address already exists.');
        throw error;
      }
      await this.audit.record({ action: 'user.created', entityType: 'user', entityId: user.id, to: 'active', actorId: actorId === undefined ? user.id : actorId, details: { roles: data.roles } });
      return user;
    });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** User id → display name for many people in one query; unknown ids are left out. */
  async displayNamesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const users = await queryRows<Pick<User, 'id' | 'displayName'>>(this.txHost.tx, NAMES_BY_ID, [unique]);
    return new Map(users.map((user) => [user.id, user.displayName]));
  }

  /**
   * The names of everyone the installation knows, erased people excepted (their names are gone):
   * what text published as open data must not carry (see findPersonalData).
   */
  async knownNames(): Promise<string[]> {
    const rows = await this.users.createQueryBuilder('u').select('DISTINCT u.display_name', 'name').where(`u.status <> 'erased'`).getRawMany<{ name: string }>();
    return rows.map((row) => row.name);
  }

  /** User id → e-mail address, for contact details both sides agreed to share; unknown ids are left out. */
  async emailsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const users = await this.users.find({ where: { id: In(unique) }, select: { id: true, email: true } });
    return new Map(users.map((user) => [user.id, user.email]));
  }

  /** Read by hand, not through TypeORM: `GET /api/me` runs it on every call (see `paginateRows`). */
  async getById(id: string): Promise<User> {
    const [user] = await queryRows<User>(this.txHost.tx, USER_BY_ID, [id]);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** Which of these people can still take part: deactivated and erased ones cannot. */
  async activeIds(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.users.find({ where: { id: In([...ids]), status: 'active' }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  findByEmailWithPassword(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
  }

  /** For a change that depends on whether the address has an account; call inside a transaction. */
  findByEmailForUpdate(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email }, lock: { mode: 'pessimistic_write' } });
  }

  /** A new sign-up for an address that was never confirmed: the latest one sets name, language and password. */
  async renewRegistration(user: User, data: Pick<NewUser, 'displayName' | 'preferredLanguage' | 'passwordHash'>): Promise<User> {
    Object.assign(user, { displayName: data.displayName, preferredLanguage: data.preferredLanguage ?? 'sv', passwordHash: data.passwordHash });
    const saved = await this.users.save(user);
    await this.audit.record({ action: 'user.registration_renewed', entityType: 'user', entityId: user.id, actorId: user.id });
    return saved;
  }

  async confirmEmail(user: User): Promise<void> {
    if (user.emailConfirmedAt) return;
    await this.txHost.withTransaction(async () => {
      user.emailConfirmedAt = new Date();
      await this.users.save(user);
      await this.audit.record({ action: 'user.email_confirmed', entityType: 'user', entityId: user.id, actorId: user.id });
    });
  }

  /** `search` matches part of the name or the address, case-insensitively. */
  list(query: PageQueryDto, filter: { role?: Role; status?: UserStatus; search?: string } = {}): Promise<Page<User>> {
    const { role, status, search } = filter;
    const qb = this.users.createQueryBuilder('u');
    if (role) qb.andWhere(':role = ANY(u.roles)', { role });
    if (status) qb.andWhere('u.status = :status', { status });
    if (search) qb.andWhere(`(u.display_name ILIKE :pattern OR u.email ILIKE :pattern)`, { pattern: `%${search.replace(/[\\%_]/g, '\\$&')}%` });
    return paginate(qb, query, { sortColumn: 'u.created_at', idColumn: 'u.id', direction: 'ASC', keyOf: (u) => [u.createdAt.toISOString(), u.id] });
  }

  async addRole(user: User, role: Role): Promise<User> {
    if (user.roles.includes(role)) return user;
    user.roles = [...user.roles, role];
    const saved = await this.users.save(user);
    await this.audit.record({ action: 'user.role_added', entityType: 'user', entityId: user.id, details: { role } });
    return saved;
  }

  /** A person's own name and language; refused when based on a stale version. */
  async updateProfile(id: string, expectedVersion: number | undefined, changes: { displayName?: string; preferredLanguage?: Language }): Promise<User> {
    return this.txHost.withTransaction(async () => {
      const user = await this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      assertVersion('user', expectedVersion, user.version);
      Object.assign(user, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
      const saved = await this.users.save(user);
      await this.audit.record({ action: 'user.profile_updated', entityType: 'user', entityId: id, details: { fields: Object.keys(changes) } });
      return saved;
    });
  }

  /**
   * Leaving `active` ends every login of the person, so reactivation does not bring old
   * tokens back to life.
   */
  async changeStatus(id: string, to: UserStatus, reason?: string): Promise<User> {
    return this.txHost.withTransaction(async () => {
      const user = await this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      const from = user.status;
      userStatus.assertMove(from, to);
      if (to !== 'active') {
        await this.assertNotLastActiveAdmin(user);
        await this.tokens.revokeAllOf(id);
      }
      user.status = to;
      const saved = await this.users.save(user);
      await this.audit.record({ action: 'user.status_changed', entityType: 'user', entityId: id, from, to, reason });
      return saved;
    });
  }

  /**
   * An installation keeps at least one active admin. Called in the transaction that takes
   * `user` out of service; the advisory lock serialises such changes, so two admins removing
   * each other at once cannot both succeed.
   */
  async assertNotLastActiveAdmin(user: User): Promise<void> {
    if (user.status !== 'active' || !user.roles.includes('admin')) return;
    const db = this.txHost.tx;
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('samverka:active-admins'))`);
    const [{ others }] = (await db.query(`SELECT count(*)::int AS others FROM users WHERE 'admin' = ANY(roles) AND status = 'active' AND id <> $1`, [user.id])) as { others: number }[];
    if (others === 0) throw new ConflictError('last_admin', 'This is the last active admin; make someone else admin first.');
  }
}
