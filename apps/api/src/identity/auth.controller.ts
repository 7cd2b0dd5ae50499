import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiAcceptedResponse, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService, InvitationsService, Public } from '@samverka/identity';
import { ApiProblems, NoIdempotentReplay } from '@samverka/platform';
import { AcceptInvitationDto, LoginDto, RefreshTokenDto, RegisterDto, TokenPairView, ConfirmEmailDto, RegistrationView } from './dto/auth.dto.js';
import { LoginThrottled } from './login-throttle.js';
import { CLEARS_REFRESH_COOKIE, RefreshTokenCookie, SETS_REFRESH_COOKIE } from './refresh-cookie.js';

@ApiTags('auth')
@Public()
@NoIdempotentReplay()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
  ) {}

  @ApiOperation({
    summary: 'Sign up as an entrepreneur',
    description: 'Creates an active account holding only the entrepreneur role; every other role comes by invitation. A password that breaks the password rules is 400 and an address that already has an account is 409; the new account is audited.',
  })
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

  @ApiOperation({
    summary: 'Confirm an email address',
    description: 'Takes the token from the link mailed at registration (valid 48 hours, used once) and confirms the address, so the account can log in; audited.',
  })
  @ApiProblems('invalid_confirmation_token')
  @Post('confirm-email')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The address is confirmed; the account can log in.' })
  @ApiUnauthorizedResponse({ description: 'The token is unknown, used or expired (invalid_confirmation_token).' })
  async confirmEmail(@Body() body: ConfirmEmailDto): Promise<void> {
    await this.auth.confirmEmail(body.token);
  }

  @ApiOperation({
    summary: 'Log in with email and password',
    description: 'Starts a new login and returns an access token and a refresh token. An unknown address, a wrong password and an inactive account all answer the same 401; attempts are throttled per account and per address (429 with Retry-After), and each login is audited.',
  })
  @ApiProblems('email_not_confirmed', 'invalid_credentials')
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @LoginThrottled('account')
  @RefreshTokenCookie({ issues: true })
  @ApiOkResponse({ type: TokenPairView, headers: SETS_REFRESH_COOKIE })
  @ApiForbiddenResponse({ description: 'The password is right but the email address is not confirmed yet (email_not_confirmed).' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or address; see Retry-After.' })
  login(@Body() body: LoginDto): Promise<TokenPairView> {
    return this.auth.login(body.email, body.password);
  }

  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description: 'Returns a new access and refresh token in the same login and spends the one presented. Presenting a refresh token that was already used revokes the whole login (401); an unknown, expired or revoked token, or an inactive account, is 401.',
  })
  @ApiProblems('invalid_refresh_token')
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @RefreshTokenCookie({ issues: true, reads: true })
  @ApiOkResponse({ type: TokenPairView, description: 'A new pair; the presented refresh token is spent.', headers: SETS_REFRESH_COOKIE })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiOperation({
    summary: 'Log out',
    description: 'Revokes the login the refresh token belongs to, on every device holding it, so its access tokens stop working too; an unknown refresh token is 401.',
  })
  @ApiProblems('invalid_refresh_token')
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RefreshTokenCookie({ reads: true, clears: true })
  @ApiNoContentResponse({ description: 'The login is revoked, its access tokens included.', headers: CLEARS_REFRESH_COOKIE })
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @ApiOperation({
    summary: 'Accept an invitation',
    description: 'Creates the account with the invited role, or adds the role to the active account that already has this address once its password is given, and logs you in. An unknown, used or expired token is 401, and attempts are throttled like login. A department member joins the invitation’s department, a programme manager its programme, and a reviewer its cohort when the inviter manages it; audited.',
  })
  @ApiProblems('email_taken', 'invalid_credentials', 'invalid_invitation')
  @Post('accept-invitation')
  @LoginThrottled('invitation')
  @RefreshTokenCookie({ issues: true })
  @ApiCreatedResponse({ type: TokenPairView, description: 'The account is created (or given the role) and logged in.', headers: SETS_REFRESH_COOKIE })
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<TokenPairView> {
    return this.invitations.accept(body);
  }
}
