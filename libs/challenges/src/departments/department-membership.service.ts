import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { queryRows } from '@samverka/platform';
import { DepartmentMembership } from './department.entity.js';

const DEPARTMENTS_OF_MEMBER = `SELECT m.department_id AS "departmentId" FROM department_members m WHERE m.user_id = $1`;

/** Who belongs to which department (the access rules read it through the `memberDepartments` caller fact). */
@Injectable()
export class DepartmentMembershipService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Read by hand, not through TypeORM: the challenge list asks it on every call (see `paginateRows`). */
  async departmentIdsOf(userId: string): Promise<string[]> {
    const rows = await queryRows<{ departmentId: string }>(this.txHost.tx, DEPARTMENTS_OF_MEMBER, [userId]);
    return rows.map((row) => row.departmentId);
  }

  isMember(userId: string, departmentId: string): Promise<boolean> {
    return this.txHost.tx.getRepository(DepartmentMembership).existsBy({ userId, departmentId });
  }
}
