import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, PASSWORD_MAX_LENGTH, type Language } from '@samverka/identity';
import { EmailField, EnumField, TextField } from '@samverka/platform';

export class RegisterDto {
  @EmailField()
  email: string;

  @TextField({ max: PASSWORD_MAX_LENGTH, trim: false, description: 'At least 10 characters, not one of the most common passwords.' })
  password: string;

  @TextField({ max: 120, example: 'Anna Lind' })
  displayName: string;

  @EnumField(LANGUAGES, { optional: true, description: 'Defaults to sv.' })
  preferredLanguage?: Language;
}

export class LoginDto {
  @EmailField()
  email: string;

  @TextField({ max: PASSWORD_MAX_LENGTH, trim: false })
  password: string;
}

export class RefreshTokenDto {
  // Optional in the document: a browser's cookie stands in for it (RefreshTokenCookie); with neither it is a 400.
  @ApiProperty({ required: false })
  @TextField({ max: 200, description: 'The refresh token from login or the last refresh; a browser leaves it out and sends the samverka_refresh cookie instead.' })
  refreshToken: string;
}

export class AcceptInvitationDto {
  @TextField({ max: 200, description: 'The token from the invitation.' })
  token: string;

  @TextField({ max: PASSWORD_MAX_LENGTH, trim: false, description: 'A new password, or the password of your existing account.' })
  password: string;

  @TextField({ max: 120 })
  displayName: string;

  @EnumField(LANGUAGES, { optional: true })
  preferredLanguage?: Language;
}

export class ConfirmEmailDto {
  @TextField({ max: 200, description: 'The token from the confirmation link (PUBLIC_URL/confirm-email?token=…).' })
  token: string;
}

export class RegistrationView {
  @ApiProperty({ example: 'Check your inbox to finish signing up.' }) message: string;

  static sent(): RegistrationView {
    return Object.assign(new RegistrationView(), { message: 'Check your inbox to finish signing up.' });
  }
}

export class TokenPairView {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header.' }) accessToken: string;
  @ApiProperty({ required: false, description: 'Opaque, single-use; exchange it at /api/auth/refresh. Left out when it was delivered as a cookie (X-Refresh-Token-Delivery: cookie).' })
  refreshToken?: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn: number;
}
