import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ConflictError } from '@samverka/platform';
import { hashPassword } from '../auth/password.js';
import { UsersService } from './users.service.js';

/** The first admin comes from ADMIN_EMAIL and ADMIN_PASSWORD, once, on an installation's first start. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (email && password) await this.ensure(email, password);
  }

  /** Creates the admin unless an account with the address exists (the demo uses this too). */
  async ensure(email: string, password: string): Promise<void> {
    if (await this.users.findByEmailWithPassword(email)) return;
    try {
      const admin = await this.users.create({ email, displayName: 'Administrator', passwordHash: await hashPassword(password), roles: ['admin'], emailConfirmed: true }, null);
      this.logger.log({ userId: admin.id }, 'first admin created');
    } catch (error) {
      // The API and the worker start together; whichever comes second finds the admin made.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
