import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, ApiProblems, IdParam, IfMatchVersion, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { LearningPublication, MilestonesService, TestSessionsService, TrackEntriesService } from '@samverka/tracks';
import { FollowUpDto, LearningDto, LearningQuery, MilestoneDto, NoteDto, TestSessionDto, UpdateMilestoneDto } from './dto/tracks.dto.js';
import { FollowUpPage, FollowUpView, LearningPage, LearningView, MilestonePage, MilestoneView, NotePage, NoteView, TestSessionPage, TestSessionView } from './dto/tracks.views.js';
import { ON_A_TRACK } from './tracks.controller.js';

/** What is recorded on a track; everyone on it reads and writes, nobody else sees it (404). */
@ApiTags('tracks')
@Authenticated({ roles: [...ON_A_TRACK] })
@Controller('tracks/:id')
export class TrackEntriesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly sessions: TestSessionsService,
    private readonly entries: TrackEntriesService,
    private readonly publication: LearningPublication,
  ) {}

  @ApiOperation({
    summary: 'List a track’s milestones',
    description: 'Milestones with their due date and when they were done, by due date, paginated; a track you are not on is 404.',
  })
  @Get('milestones')
  @ApiOkResponse({ type: MilestonePage, description: 'By due date.' })
  async listMilestones(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MilestoneView>> {
    return mapPage(await this.milestones.list(id, query), MilestoneView.of);
  }

  @ApiOperation({
    summary: 'Add a milestone to a track',
    description: 'A title and a due date, at any stage; a track you are not on is 404. Audited and the others on the track notified in the app; honours Idempotency-Key.',
  })
  @Post('milestones')
  @ApiCreatedResponse({ type: MilestoneView })
  async addMilestone(@IdParam() id: string, @Body() body: MilestoneDto): Promise<MilestoneView> {
    return MilestoneView.of(await this.milestones.add(id, body));
  }

  @ApiOperation({
    summary: 'Update a milestone',
    description: 'Changes the title and due date given; done: true marks it done now, false undoes it. Needs If-Match with the milestone’s version (428 without it, 412 when stale); audited, and the others on the track are notified in the app.',
  })
  @Patch('milestones/:milestoneId')
  @ApiIfMatch()
  @ApiOkResponse({ type: MilestoneView, description: 'Changes what is given; done: true marks it done.' })
  async updateMilestone(
    @IdParam() id: string,
    @IdParam('milestoneId') milestoneId: string,
    @Body() body: UpdateMilestoneDto,
    @IfMatchVersion() version: number | undefined,
  ): Promise<MilestoneView> {
    const milestone = await this.milestones.update(id, milestoneId, version, body);
    return MilestoneView.of(milestone);
  }

  @ApiOperation({
    summary: 'List a track’s test sessions',
    description: 'The sessions held in the challenge’s test environments with what was tried and observed, by date held, paginated; a track you are not on is 404.',
  })
  @Get('test-sessions')
  @ApiOkResponse({ type: TestSessionPage, description: 'By date held.' })
  async listTestSessions(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<TestSessionView>> {
    return mapPage(await this.sessions.list(id, query), TestSessionView.of);
  }

  @ApiOperation({
    summary: 'Record a test session',
    description: 'When it was held, in which of the challenge’s test environments (400 otherwise), how many users took part, what was tried and observed. Audited and the others on the track notified in the app; honours Idempotency-Key.',
  })
  @ApiProblems('consent_required', 'track_not_testing')
  @Post('test-sessions')
  @ApiCreatedResponse({
    type: TestSessionView,
    description: 'In test_environment or evaluation only (409 track_not_testing); where written consent is required, consentObtained: false is 409 consent_required.',
  })
  async recordTestSession(@IdParam() id: string, @Body() body: TestSessionDto): Promise<TestSessionView> {
    return TestSessionView.of(await this.sessions.record(id, body));
  }

  @ApiOperation({
    summary: 'List a track’s learnings',
    description: 'The insights, obstacles, enablers and methods recorded on the track, oldest first, filterable by kind and tag; a track you are not on is 404.',
  })
  @Get('learnings')
  @ApiOkResponse({ type: LearningPage })
  async listLearnings(@IdParam() id: string, @Query() query: LearningQuery): Promise<Page<LearningView>> {
    const { limit, cursor, ...filter } = query;
    const page = await this.entries.listLearnings(id, filter, { limit, cursor });
    const approved = await this.publication.approvedAt(page.items);
    return mapPage(page, (learning) => LearningView.of(learning, approved.get(learning.id)));
  }

  @ApiOperation({
    summary: 'Record a learning on a track',
    description: 'An insight, obstacle, enabler or method with tags, authored by you, at any stage; a track you are not on is 404. Audited and the others on the track notified in the app; honours Idempotency-Key.',
  })
  @Post('learnings')
  @ApiCreatedResponse({ type: LearningView, description: 'Written by you; tags are stored trimmed, lower case, each once.' })
  async addLearning(@IdParam() id: string, @Body() body: LearningDto): Promise<LearningView> {
    return LearningView.of(await this.entries.addLearning(id, body));
  }

  @ApiOperation({
    summary: 'List a track’s notes',
    description: 'The free-text notes written on the track, oldest first, paginated; a track you are not on is 404.',
  })
  @Get('notes')
  @ApiOkResponse({ type: NotePage })
  async listNotes(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<NoteView>> {
    return mapPage(await this.entries.listNotes(id, query), NoteView.of);
  }

  @ApiOperation({
    summary: 'Add a note to a track',
    description: 'A free-text note authored by you; a track you are not on is 404. Audited and the others on the track notified in the app; honours Idempotency-Key.',
  })
  @Post('notes')
  @ApiCreatedResponse({ type: NoteView })
  async addNote(@IdParam() id: string, @Body() body: NoteDto): Promise<NoteView> {
    return NoteView.of(await this.entries.addNote(id, body.text));
  }

  @ApiOperation({
    summary: 'List a track’s follow-ups',
    description: 'What was recorded after graduation, by follow-up date, paginated; a track you are not on is 404.',
  })
  @Get('follow-ups')
  @ApiOkResponse({ type: FollowUpPage })
  async listFollowUps(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<FollowUpView>> {
    return mapPage(await this.entries.listFollowUps(id, query), FollowUpView.of);
  }

  @ApiOperation({
    summary: 'Record a follow-up after graduation',
    description: 'How it went after graduation, dated, authored by you; a track you are not on is 404. Audited and the others on the track notified in the app; honours Idempotency-Key.',
  })
  @ApiProblems('track_not_graduated')
  @Post('follow-ups')
  @ApiCreatedResponse({ type: FollowUpView, description: 'Only once the track has graduated (409 track_not_graduated before).' })
  async addFollowUp(@IdParam() id: string, @Body() body: FollowUpDto): Promise<FollowUpView> {
    return FollowUpView.of(await this.entries.addFollowUp(id, body));
  }
}
