import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChallengeDirectory } from '@samverka/challenges';
import { Authenticated, UsersService } from '@samverka/identity';
import { PartnerInterestsService, PartnerPostsService, PartnerSuggestionsService, sharesContact, type PartnerInterest, type PartnerPost } from '@samverka/partners';
import { ApiIfMatch, ApiProblems, CurrentActor, IdParam, IfMatchVersion, mapPage, type Page } from '@samverka/platform';
import { HidePartnerPostDto, PartnerPostDto, PartnerPostQuery } from './dto/partners.dto.js';
import { ChallengeSuggestionView, PartnerInterestView, PartnerPostPage, PartnerPostView, PartnerSuggestionsView, PostSuggestionView, scoredView, type PostViewContext } from './dto/partners.views.js';

/** Today in Sweden, as the posts' end dates are meant. */
const todayInSweden = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** The partner board: every signed-in person posts what they look for or offer and answers others' posts through Samverka. */
@ApiTags('partners')
@Authenticated()
@Controller('partner-posts')
export class PartnerPostsController {
  constructor(
    private readonly posts: PartnerPostsService,
    private readonly interests: PartnerInterestsService,
    private readonly suggestions: PartnerSuggestionsService,
    private readonly users: UsersService,
    private readonly challenges: ChallengeDirectory,
    private readonly actor: CurrentActor,
  ) {}

  @ApiOperation({
    summary: 'List partner posts',
    description: 'Open posts, newest first, paginated; those past their end date only with includeExpired, hidden ones only to their author and admins. Filters: direction, kind, tag, municipality; mine lists your own, withdrawn ones included. No one’s address is in a post.',
  })
  @Get()
  @ApiOkResponse({ type: PartnerPostPage, description: 'Newest first.' })
  async list(@Query() query: PartnerPostQuery): Promise<Page<PartnerPostView>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.posts.list(filter, { limit, cursor });
    const context = await this.viewContext(page.items);
    return mapPage(page, (post) => PartnerPostView.of(post, context));
  }

  @ApiOperation({
    summary: 'Post on the partner board',
    description: 'What you look for or offer, with tags, municipality and an end date (today or later); a challenge you cannot see is 400 naming challengeId. Audited; honours Idempotency-Key.',
  })
  @Post()
  @ApiCreatedResponse({ type: PartnerPostView })
  async create(@Body() body: PartnerPostDto): Promise<PartnerPostView> {
    return this.view(await this.posts.create(body));
  }

  @ApiOperation({
    summary: 'Get a partner post',
    description: 'With your own interest in it, and the poster’s address once they accepted it. A hidden post is 404 except to its author (who sees the reason) and admins.',
  })
  @Get(':id')
  @ApiOkResponse({ type: PartnerPostView, description: 'The ETag header carries the version.' })
  async get(@IdParam() id: string): Promise<PartnerPostView> {
    return this.view(await this.posts.get(id));
  }

  @ApiOperation({
    summary: 'Change your partner post',
    description: 'Replaces its content; only its author (404 for anyone else). Needs If-Match with the post’s version (428 without, 412 when stale); a withdrawn post is 409 partner_post_closed. Audited.',
  })
  @ApiProblems('partner_post_closed')
  @Put(':id')
  @ApiIfMatch()
  @ApiOkResponse({ type: PartnerPostView })
  async update(@IdParam() id: string, @Body() body: PartnerPostDto, @IfMatchVersion() version: number | undefined): Promise<PartnerPostView> {
    return this.view(await this.posts.update(id, version, body));
  }

  @ApiOperation({
    summary: 'Withdraw your partner post',
    description: 'It leaves the board and takes no more interest; interests already shown, and addresses already shared, stay as they are. Only its author (404 otherwise); If-Match as for a change. Audited.',
  })
  @ApiProblems('partner_post_closed')
  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiIfMatch()
  @ApiOkResponse({ type: PartnerPostView })
  async withdraw(@IdParam() id: string, @IfMatchVersion() version: number | undefined): Promise<PartnerPostView> {
    return this.view(await this.posts.withdraw(id, version));
  }

  @ApiOperation({
    summary: 'Hide a partner post',
    description: 'An admin hides a post from everyone but its author and admins, with a reason the author is told (notification) and sees on the post. If-Match with the post’s version; a post hidden already is 409. Audited with the reason.',
  })
  @ApiProblems('partner_post_closed')
  @Post(':id/hide')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: PartnerPostView })
  async hide(@IdParam() id: string, @Body() body: HidePartnerPostDto, @IfMatchVersion() version: number | undefined): Promise<PartnerPostView> {
    return this.view(await this.posts.hide(id, version, body.reason));
  }

  @ApiOperation({
    summary: 'Show a hidden partner post again',
    description: 'An admin undoes a hiding (one made by mistake, or a post its author has put right): the post is listed again for everyone, and takes interest again if it is open and current. Its author is told (notification). The hiding reason is cleared from the post, since it no longer applies; the audit trail keeps it with the hiding. If-Match with the post’s version; a post that is not hidden is 409 partner_post_not_hidden. Audited.',
  })
  @ApiProblems('partner_post_not_hidden')
  @Post(':id/unhide')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: ['admin'] })
  @ApiIfMatch()
  @ApiOkResponse({ type: PartnerPostView })
  async unhide(@IdParam() id: string, @IfMatchVersion() version: number | undefined): Promise<PartnerPostView> {
    return this.view(await this.posts.unhide(id, version));
  }

  @ApiOperation({
    summary: 'Suggestions for a partner post',
    description: 'Open posts of the other direction (looking for ↔ offering) and the same kind, and open challenges you can see, that share a tag with the post; scored by the matching engine’s tag coverage and location components, best first, each with its reasons as codes and numbers for the app to word.',
  })
  @Get(':id/suggestions')
  @ApiOkResponse({ type: PartnerSuggestionsView })
  async listSuggestions(@IdParam() id: string): Promise<PartnerSuggestionsView> {
    const { posts, challenges } = await this.suggestions.forPost(id);
    const context = await this.viewContext(posts.map((s) => s.post));
    return {
      posts: posts.map((s): PostSuggestionView => ({ ...scoredView(s), post: PartnerPostView.of(s.post, context) })),
      challenges: challenges.map((s): ChallengeSuggestionView => ({ ...scoredView(s), challengeId: s.challenge.id, title: s.challenge.title, municipalityCode: s.challenge.municipalityCode })),
    };
  }

  @ApiOperation({
    summary: 'List the interests in a partner post',
    description: 'The poster sees everyone’s, anyone else only their own; oldest first. An address is shown only on an accepted interest.',
  })
  @Get(':id/interests')
  @ApiOkResponse({ type: [PartnerInterestView], description: 'Oldest first; not paginated (a post draws a handful).' })
  async listInterests(@IdParam() id: string): Promise<PartnerInterestView[]> {
    return this.interestViews(await this.interests.onPost(id));
  }

  @ApiOperation({
    summary: 'Show interest in a partner post',
    description: '“I am interested”: the poster gets a notification. Showing interest is your agreement to share your address with the poster once they accept; until then neither side’s address is shown. Your own post is 409 own_partner_post; a withdrawn, hidden or expired post 409 partner_post_closed; interest shown already 409 already_interested (after withdrawing it you may show it again). Audited.',
  })
  @ApiProblems('own_partner_post', 'partner_post_closed', 'already_interested')
  @Post(':id/interests')
  @ApiCreatedResponse({ type: PartnerInterestView })
  async express(@IdParam() id: string): Promise<PartnerInterestView> {
    const { interest } = await this.interests.express(id);
    const [view] = await this.interestViews([interest]);
    return view;
  }

  private async view(post: PartnerPost): Promise<PartnerPostView> {
    return PartnerPostView.of(post, await this.viewContext([post]));
  }

  /** Names, titles, the reader's interests and the addresses they may see, in one query each for the whole page. */
  private async viewContext(posts: readonly PartnerPost[]): Promise<PostViewContext> {
    const actor = this.actor.required;
    const myInterests = await this.interests.mineIn(posts.map((post) => post.id));
    const postsById = new Map(posts.map((post) => [post.id, post]));
    const accepted = [...myInterests.values()].filter(sharesContact).flatMap((interest) => postsById.get(interest.postId)?.authorId ?? []);
    return {
      readerId: actor.id,
      readerIsAdmin: actor.roles.includes('admin'),
      today: todayInSweden(),
      authorNames: await this.users.displayNamesOf(posts.map((post) => post.authorId)),
      challengeTitles: await this.challenges.titlesOf([...new Set(posts.flatMap((post) => post.challengeId ?? []))]),
      myInterests,
      emails: await this.users.emailsOf(accepted),
    };
  }

  private async interestViews(interests: PartnerInterest[]): Promise<PartnerInterestView[]> {
    const names = await this.users.displayNamesOf(interests.map((interest) => interest.userId));
    const emails = await this.users.emailsOf(interests.filter(sharesContact).map((interest) => interest.userId));
    return interests.map((interest) => PartnerInterestView.of(interest, names, emails));
  }
}

/** The poster's answer to an interest, and the interested person's withdrawal. */
@ApiTags('partners')
@Authenticated()
@Controller('partner-interests')
export class PartnerInterestsController {
  constructor(
    private readonly interests: PartnerInterestsService,
    private readonly users: UsersService,
  ) {}

  @ApiOperation({
    summary: 'Accept an interest in your post',
    description: 'The poster’s agreement: from now on each side sees the other’s address (on the interest, and on the post as myInterest.posterEmail). Only the poster (404 otherwise); answered already is 409 already_answered; a withdrawn interest 409 invalid_transition. The interested person is notified; audited.',
  })
  @ApiProblems('already_answered', 'invalid_transition')
  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PartnerInterestView })
  async accept(@IdParam() id: string): Promise<PartnerInterestView> {
    return this.viewOf(await this.interests.accept(id));
  }

  @ApiOperation({
    summary: 'Decline an interest in your post',
    description: 'No address is shared. Only the poster (404 otherwise); answered already is 409 already_answered; a withdrawn interest 409 invalid_transition. Audited.',
  })
  @ApiProblems('already_answered', 'invalid_transition')
  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PartnerInterestView })
  async decline(@IdParam() id: string): Promise<PartnerInterestView> {
    return this.viewOf(await this.interests.decline(id));
  }

  @ApiOperation({
    summary: 'Withdraw your interest',
    description: 'Before or after the poster’s answer; addresses are no longer shown to either side. Only the interested person (404 otherwise); withdrawn already is 409 invalid_transition. Audited.',
  })
  @ApiProblems('invalid_transition')
  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PartnerInterestView })
  async withdraw(@IdParam() id: string): Promise<PartnerInterestView> {
    return this.viewOf(await this.interests.withdraw(id));
  }

  private async viewOf(interest: PartnerInterest): Promise<PartnerInterestView> {
    const names = await this.users.displayNamesOf([interest.userId]);
    const emails = await this.users.emailsOf(sharesContact(interest) ? [interest.userId] : []);
    return PartnerInterestView.of(interest, names, emails);
  }
}
