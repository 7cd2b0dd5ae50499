import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { UnauthenticatedError } from '../errors/domain-error.js';
import type { Actor, RequestStore, Role } from './request-context.js';

/** The caller of the current request, for services that scope what they load. */
@Injectable()
export class CurrentActor {
  constructor(private readonly cls: ClsService<RequestStore>) {}

  get optional(): Actor | undefined {
    return this.cls.isActive() ? this.cls.get('actor') : undefined;
  }

  get required(): Actor {
    const actor = this.optional;
    if (!actor) throw new UnauthenticatedError();
    return actor;
  }

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  has(role: Role): boolean {
    return this.optional?.roles.includes(role) ?? false;
  }

  set(actor: Actor): void {
    this.cls.set('actor', actor);
  }
}
