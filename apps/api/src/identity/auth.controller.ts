import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthService, InvitationsService, Public, UserView } from '@samverka/identity';
import { NoIdempotentReplay } from '@samverka/platform';
import { AcceptInvitationDto, LoginDto, RefreshTokenDto, RegisterDto, TokenPairView } from './dto/auth.dto.js';
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
  @ApiCreatedResponse({ type: UserView, description: 'An entrepreneur account.' })
  @ApiConflictResponse({ description: 'The address already has an account.' })
  async register(@Body() body: RegisterDto): Promise<UserView> {
    return UserView.of(await this.auth.register(body));
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @LoginThrottled()
  @ApiOkResponse({ type: TokenPairView })
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
  @LoginThrottled()
  @ApiCreatedResponse({ type: TokenPairView, description: 'The account is created (or given the role) and logged in.' })
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<TokenPairView> {
    return this.invitations.accept(body);
  }
}
