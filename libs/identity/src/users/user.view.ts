import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../access/roles.js';
import { LANGUAGES, USER_STATUSES, type Language, type User, type UserStatus } from './user.entity.js';

/** What the API tells about a user: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: LANGUAGES }) preferredLanguage: Language;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ enum: USER_STATUSES }) status: UserStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(user: User): UserView {
    return Object.assign(new UserView(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      preferredLanguage: user.preferredLanguage,
      roles: user.roles,
      status: user.status,
      createdAt: user.createdAt.toISOString(),
    });
  }
}
