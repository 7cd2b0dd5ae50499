import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { MeetingsService, NeedsFunnelReport, NeedsService } from '@samverka/dialogue';
import { Authenticated, Public } from '@samverka/identity';
import { ApiIfMatch, ApiPageResponse, ApiProblems, IdParam, IfMatchVersion, mapPage, NoIdempotentReplay, type Page, PageQueryDto, toCsv } from '@samverka/platform';
import type { FastifyReply } from 'fastify';
import { ChallengeView } from '../challenges/dto/challenge.dto.js';
import {
  AttendanceDto,
  DraftChallengeDto,
  MeetingDto,
  MeetingInvitationView,
  MeetingView,
  MergeNeedDto,
  NeedDto,
  NeedsFunnelQuery,
  NeedsFunnelView,
  NeedTextDto,
  NeedView,
  SignupCreatedView,
  SignupDto,
  SignupView,
} from './dto/dialogue.dto.js';
import { PublicFormThrottled } from './public-form-throttle.js';

const STAFF = ['admin', 'programme_manager', 'department_member'] as const;
const ARRANGE_NOTE = 'Admins and managers arrange every meeting; a department member the ones they arranged or their department arranges (404 otherwise).';

@ApiTags('dialogue')
@Controller('dialogue-meetings')
export class DialogueMeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly needs: NeedsService,
  ) {}

  @ApiOperation({ summary: 'List dialogue meetings', description: 'Latest first by when they are held, paginated, with seats taken and the waiting list.' })
  @Get()
  @Authenticated({ roles: [...STAFF] })
  @ApiPageResponse(MeetingView, 'The installation’s dialogue meetings.')
  async list(@Query() query: PageQueryDto): Promise<Page<MeetingView>> {
    const page = await this.meetings.list(query);
    const views = await Promise.all(page.items.map(async (item) => MeetingView.of(item, await this.meetings.mayArrange(item.meeting.id))));
    return { items: views, nextCursor: page.nextCursor };
  }

  @ApiOperation({
    summary: 'Arrange a dialogue meeting',
    description: 'Theme, time, place or link (at least one), the sectors invited, a facilitator, seats and the votes each participant has. A department member may name only their own department. Audited; honours Idempotency-Key.',
  })
  @Post()
  @Authenticated({ roles: [...STAFF] })
  @ApiCreatedResponse({ type: MeetingView })
  async create(@Body() body: MeetingDto): Promise<MeetingView> {
    const meeting = await this.meetings.create(body);
    return MeetingView.of({ meeting, counts: { confirmed: 0, waitlisted: 0 } }, true);
  }

  @ApiOperation({ summary: 'Get a dialogue meeting', description: 'With the seats taken and the waiting list; the ETag carries the version for If-Match.' })
  @Get(':id')
  @Authenticated({ roles: [...STAFF] })
  @ApiOkResponse({ type: MeetingView })
  async get(@IdParam() id: string): Promise<MeetingView> {
    return MeetingView.of(await this.meetings.get(id), await this.meetings.mayArrange(id));
  }

  @ApiOperation({
    summary: 'Change a dialogue meeting',
    description: `Replaces its details; added seats go to the waiting list at once, oldest first, and each is mailed; fewer seats than people with one is 400. Closing needs (needsOpen false) stops participants adding needs and voting. ${ARRANGE_NOTE} Needs If-Match; audited.`,
  })
  @Put(':id')
  @Authenticated({ roles: [...STAFF] })
  @ApiIfMatch()
  @ApiOkResponse({ type: MeetingView })
  async update(@IdParam() id: string, @Body() body: MeetingDto, @IfMatchVersion() version: number | undefined): Promise<MeetingView> {
    return MeetingView.of(await this.meetings.update(id, version, body), true);
  }

  @ApiOperation({ summary: 'List a meeting’s sign-ups', description: `In sign-up order, with names, addresses, sectors, status and attendance. ${ARRANGE_NOTE}` })
  @Get(':id/signups')
  @Authenticated({ roles: [...STAFF] })
  @ApiPageResponse(SignupView, 'Everyone who signed up, cancelled ones too.')
  async signups(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<SignupView>> {
    return mapPage(await this.meetings.listSignups(id, query), SignupView.of);
  }

  @ApiOperation({ summary: 'Record attendance', description: `Whether someone with a seat came (409 signup_not_confirmed for a waitlisted or cancelled one). ${ARRANGE_NOTE} Audited.` })
  @ApiProblems('signup_not_confirmed')
  @Put(':id/signups/:signupId/attendance')
  @Authenticated({ roles: [...STAFF] })
  @ApiOkResponse({ type: SignupView })
  async attendance(@IdParam() id: string, @IdParam('signupId') signupId: string, @Body() body: AttendanceDto): Promise<SignupView> {
    return SignupView.of(await this.meetings.recordAttendance(id, signupId, body.attended));
  }

  @ApiOperation({ summary: 'List a meeting’s needs', description: 'Oldest first, each with its votes, the people and sectors behind it and its contributors; merged needs point to the one that stays.' })
  @Get(':id/needs')
  @Authenticated({ roles: [...STAFF] })
  @ApiOkResponse({ type: [NeedView] })
  async listNeeds(@IdParam() id: string): Promise<NeedView[]> {
    return (await this.needs.list(id)).map(NeedView.of);
  }

  @ApiOperation({ summary: 'Record a need', description: `During or after the meeting, open or not. ${ARRANGE_NOTE} Audited.` })
  @Post(':id/needs')
  @Authenticated({ roles: [...STAFF] })
  @ApiCreatedResponse({ type: NeedView })
  async addNeed(@IdParam() id: string, @Body() body: NeedDto): Promise<NeedView> {
    return NeedView.of(await this.needs.addByArranger(id, body));
  }

  @ApiOperation({
    summary: 'Correct a need’s words',
    description: `Changes the title, description, target group or evidence given (null clears all but the title); its votes, backing and any challenge drafted from it stay. A merged need is 409 need_merged. ${ARRANGE_NOTE} Needs If-Match with the need’s version (428 without it, 412 when stale); audited with the fields changed, not the words.`,
  })
  @ApiProblems('need_merged')
  @Patch(':id/needs/:needId')
  @Authenticated({ roles: [...STAFF] })
  @ApiIfMatch()
  @ApiOkResponse({ type: NeedView, description: 'The need with its new words.' })
  async editNeed(@IdParam() id: string, @IdParam('needId') needId: string, @Body() body: NeedTextDto, @IfMatchVersion() version: number | undefined): Promise<NeedView> {
    return NeedView.of(await this.needs.editText(id, needId, version, body));
  }

  @ApiOperation({
    summary: 'Merge a duplicate need',
    description: `The need in the path joins the one named: its votes move there (one participant’s votes on both add up), its contributors count there, and it points there. Needs merged into it earlier follow. A need already merged is 409 need_merged; one a challenge was drafted from is 409 need_has_challenge. ${ARRANGE_NOTE} Audited.`,
  })
  @ApiProblems('need_merged', 'need_has_challenge')
  @Post(':id/needs/:needId/merge')
  @HttpCode(HttpStatus.OK)
  @Authenticated({ roles: [...STAFF] })
  @ApiOkResponse({ type: NeedView, description: 'The need that stays, with its votes and backing now.' })
  async merge(@IdParam() id: string, @IdParam('needId') needId: string, @Body() body: MergeNeedDto): Promise<NeedView> {
    return NeedView.of(await this.needs.merge(id, needId, body.intoNeedId));
  }

  @ApiOperation({
    summary: 'Draft a challenge from a need',
    description:
      'A department member drafts a challenge for their department (the need’s own when none is named; 404 for a department they are not a member of): the need’s words become the draft’s, and the draft carries its origin — the meeting, the need, and the people and sectors behind it. One challenge per need (409 need_has_challenge); a merged need is 409 need_merged. Audited.',
  })
  @ApiProblems('need_merged', 'need_has_challenge')
  @Post(':id/needs/:needId/challenge')
  @Authenticated({ roles: ['department_member'] })
  @ApiCreatedResponse({ type: ChallengeView })
  async draftChallenge(@IdParam() id: string, @IdParam('needId') needId: string, @Body() body: DraftChallengeDto): Promise<ChallengeView> {
    return ChallengeView.ofChallenge(await this.needs.draftChallenge(id, needId, body.departmentId));
  }

  @ApiOperation({ summary: 'Get a meeting to sign up for', description: 'What the public sign-up form shows: the meeting, free seats, whether it has begun (then sign-ups are closed), and the wording of the purpose people consent to. Nothing personal.' })
  @Get(':id/invitation')
  @Public()
  @ApiOkResponse({ type: MeetingInvitationView })
  async invitation(@IdParam() id: string): Promise<MeetingInvitationView> {
    return MeetingInvitationView.of(await this.meetings.publicView(id));
  }

  @ApiOperation({
    summary: 'Sign up for a dialogue meeting',
    description:
      'The public form, no account: name, e-mail, organisation, a sector the meeting invites, and consent to the stated purpose (its current text version; 409 consent_text_changed otherwise). A seat while there is one, else the waiting list; two people never get the last seat both. Once the meeting has begun (its start time) sign-ups are closed: 409 dialogue_meeting_past, nothing stored. The personal link is mailed; an address already signed up is 409 already_signed_up. Limited per address (429 with Retry-After); audited.',
  })
  @ApiProblems('dialogue_meeting_past', 'consent_text_changed', 'already_signed_up', 'rate_limited')
  @Post(':id/signups')
  @Public()
  @NoIdempotentReplay()
  @PublicFormThrottled()
  @ApiCreatedResponse({ type: SignupCreatedView })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ups from this address; see Retry-After.' })
  async signUp(@IdParam() id: string, @Body() body: SignupDto): Promise<SignupCreatedView> {
    const { signup, token, waitlistPosition } = await this.meetings.signUp(id, body);
    return Object.assign(new SignupCreatedView(), { status: signup.status, waitlistPosition, token });
  }
}

@ApiTags('dialogue')
@Controller('dialogue-reports')
export class DialogueReportsController {
  constructor(private readonly funnel: NeedsFunnelReport) {}

  @ApiOperation({
    summary: 'Get the needs funnel',
    description:
      'Over the installation: meetings held, people with a seat and those who came, by sector, needs raised (duplicates merged away), needs drafted into challenges and how far those got (approved, matched, graduated), and the share of all challenges that came from dialogue meetings with the median people and sectors behind each. ?format=csv gives the steps and sectors as CSV.',
  })
  @Get('needs-funnel')
  @Authenticated({ roles: ['admin', 'programme_manager'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: NeedsFunnelView })
  async needsFunnel(@Query() query: NeedsFunnelQuery, @Res({ passthrough: true }) response: FastifyReply): Promise<NeedsFunnelView | string> {
    const report = await this.funnel.report();
    if (query.format !== 'csv') return NeedsFunnelView.of(report);
    response.header('Content-Type', 'text/csv; charset=utf-8');
    response.header('Content-Disposition', 'attachment; filename="needs-funnel.csv"');
    return toCsv(
      ['measure', 'sector', 'count'],
      [
        ...report.steps.map(({ step, count }) => [step, null, count]),
        ...report.sectors.flatMap(({ sector, signedUp, attended }) => [
          ['people_signed_up', sector, signedUp],
          ['people_attended', sector, attended],
        ]),
        ['challenges_from_dialogue', null, report.fromDialogue.challenges],
        ['challenges_all', null, report.fromDialogue.ofAllChallenges],
        ['median_people_behind', null, report.fromDialogue.medianPeople],
        ['median_sectors_behind', null, report.fromDialogue.medianSectors],
      ],
    );
  }
}
