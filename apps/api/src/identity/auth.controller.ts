import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService, InvitationsService, Public } from '@samverka/identity';
import { NoIdempotentReplay } from '@samverka/platform';
import { AcceptInvitationDto, ConfirmEmailDto, LoginDto, RefreshTokenDto, RegisterDto, RegistrationView, TokenPairView } from './dto/auth.dto.js';
import { LoginThrottled } from './login-throttle.js';

@ApiTags('auth')
@Public()
@NoIdempotentReplay()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post('register')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    type: RegistrationView,
    description: 'The same answer whether or not the address has an account: a new address is mailed a confirmation link, a known one a note to its owner.',
  })
  async register(@Body() body: RegisterDto): Promise<RegistrationView> {
    await this.auth.register(body);
    return RegistrationView.sent();
  }

  @Post('confirm-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The address is confirmed; the account can log in.' })
  @ApiUnauthorizedResponse({ description: 'The token is unknown, used or expired (invalid_confirmation_token).' })
  async confirmEmail(@Body() body: ConfirmEmailDto): Promise<void> {
    await this.auth.confirmEmail(body.token);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @LoginThrottled('account')
  @ApiOkResponse({ type: TokenPairView })
  @ApiForbiddenResponse({ description: 'The password is right but the email address is not confirmed yet (email_not_confirmed).' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or address; see Retry-After.' })
  login(@Body() body: LoginDto): Promise<TokenPairView> {
    return this.auth.login(body.email, body.password);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TokenPairView, description: 'A new pair; the presented refresh token is spent.' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The login is revoked, its access tokens included.' })
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('accept-invitation')
  @LoginThrottled('invitation')
  @ApiCreatedResponse({ type: TokenPairView, description: 'The account is created (or given the role) and logged in.' })
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<TokenPairView> {
    return this.invitations.accept(body);
  }
}
