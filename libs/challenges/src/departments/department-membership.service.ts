import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DepartmentMembership } from './department.entity.js';

/** Who belongs to which department (the access rules read it through the `memberDepartments` caller fact). */
@Injectable()
export class DepartmentMembershipService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async departmentIdsOf(userId: string): Promise<string[]> {
    const rows = await this.txHost.tx.getRepository(DepartmentMembership).find({ where: { userId }, select: { departmentId: true } });
    return rows.map((row) => row.departmentId);
  }

  isMember(userId: string, departmentId: string): Promise<boolean> {
    return this.txHost.tx.getRepository(DepartmentMembership).existsBy({ userId, departmentId });
  }
}
