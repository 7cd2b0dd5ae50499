import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '@samverka/platform';
import { AuthenticationGuard, RolesGuard } from './access/access.guards.js';
import { JWT_ALGORITHM, JwtStrategy } from './access/jwt.strategy.js';
import { AuthService } from './auth/auth.service.js';
import { EmailConfirmation } from './auth/email-confirmation.entity.js';
import { RefreshToken } from './auth/refresh-token.entity.js';
import { TokenService } from './auth/token.service.js';
import { Invitation } from './invitations/invitation.entity.js';
import { InvitationAccessRules } from './invitations/invitation-access.js';
import { InvitationsService } from './invitations/invitations.service.js';
import { ConsentPurpose, ConsentRecord } from './consents/consent.entities.js';
import { ConsentsService } from './consents/consents.service.js';
import { Mailer } from './mail/mailer.js';
import { IdentityRetention } from './retention.js';
import { PrivacyService } from './privacy/privacy.service.js';
import { Notification } from './notifications/notification.entity.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { OutboxDelivery } from './notifications/outbox-delivery.js';
import { FirstAdmin } from './users/first-admin.js';
import { User } from './users/user.entity.js';
import { UsersService } from './users/users.service.js';
import { AccountPersonalData } from './users/account-personal-data.js';
import { NotificationsPersonalData } from './notifications/notifications-personal-data.js';

export const identityEntities = [User, RefreshToken, EmailConfirmation, Invitation, Notification, ConsentPurpose, ConsentRecord];

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  providers: [InvitationAccessRules, AccountPersonalData, NotificationsPersonalData, UsersService, TokenService, AuthService, InvitationsService, Mailer, NotificationsService, ConsentsService, OutboxDelivery, IdentityRetention, PrivacyService, JwtStrategy, FirstAdmin, AuthenticationGuard, RolesGuard],
  exports: [UsersService, AuthService, InvitationsService, Mailer, NotificationsService, ConsentsService, OutboxDelivery, IdentityRetention, PrivacyService, FirstAdmin, AuthenticationGuard, RolesGuard],
})
export class IdentityModule {}
