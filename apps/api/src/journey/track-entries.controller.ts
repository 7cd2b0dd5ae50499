import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@samverka/identity';
import { ApiIfMatch, IdParam, IfMatchVersion, mapPage, PageQueryDto, type Page } from '@samverka/platform';
import { MilestonesService, TestSessionsService, TrackEntriesService } from '@samverka/tracks';
import { FollowUpDto, LearningDto, LearningQuery, MilestoneDto, NoteDto, TestSessionDto, UpdateMilestoneDto } from './dto/tracks.dto.js';
import {
  FollowUpPage,
  FollowUpView,
  LearningPage,
  LearningView,
  MilestonePage,
  MilestoneView,
  NotePage,
  NoteView,
  TestSessionPage,
  TestSessionView,
} from './dto/tracks.views.js';
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
  ) {}

  @Get('milestones')
  @ApiOkResponse({ type: MilestonePage, description: 'By due date.' })
  async listMilestones(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<MilestoneView>> {
    return mapPage(await this.milestones.list(id, query), MilestoneView.of);
  }

  @Post('milestones')
  @ApiCreatedResponse({ type: MilestoneView })
  async addMilestone(@IdParam() id: string, @Body() body: MilestoneDto): Promise<MilestoneView> {
    return MilestoneView.of(await this.milestones.add(id, body));
  }

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

  @Get('test-sessions')
  @ApiOkResponse({ type: TestSessionPage, description: 'By date held.' })
  async listTestSessions(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<TestSessionView>> {
    return mapPage(await this.sessions.list(id, query), TestSessionView.of);
  }

  @Post('test-sessions')
  @ApiCreatedResponse({
    type: TestSessionView,
    description: 'In test_environment or evaluation only (409 track_not_testing); where written consent is required, consentObtained: false is 409 consent_required.',
  })
  async recordTestSession(@IdParam() id: string, @Body() body: TestSessionDto): Promise<TestSessionView> {
    return TestSessionView.of(await this.sessions.record(id, body));
  }

  @Get('learnings')
  @ApiOkResponse({ type: LearningPage })
  async listLearnings(@IdParam() id: string, @Query() query: LearningQuery): Promise<Page<LearningView>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.entries.listLearnings(id, filter, { limit, cursor }), LearningView.of);
  }

  @Post('learnings')
  @ApiCreatedResponse({ type: LearningView, description: 'Written by you; tags are stored trimmed, lower case, each once.' })
  async addLearning(@IdParam() id: string, @Body() body: LearningDto): Promise<LearningView> {
    return LearningView.of(await this.entries.addLearning(id, body));
  }

  @Get('notes')
  @ApiOkResponse({ type: NotePage })
  async listNotes(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<NoteView>> {
    return mapPage(await this.entries.listNotes(id, query), NoteView.of);
  }

  @Post('notes')
  @ApiCreatedResponse({ type: NoteView })
  async addNote(@IdParam() id: string, @Body() body: NoteDto): Promise<NoteView> {
    return NoteView.of(await this.entries.addNote(id, body.text));
  }

  @Get('follow-ups')
  @ApiOkResponse({ type: FollowUpPage })
  async listFollowUps(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<FollowUpView>> {
    return mapPage(await this.entries.listFollowUps(id, query), FollowUpView.of);
  }

  @Post('follow-ups')
  @ApiCreatedResponse({ type: FollowUpView, description: 'Only once the track has graduated (409 track_not_graduated before).' })
  async addFollowUp(@IdParam() id: string, @Body() body: FollowUpDto): Promise<FollowUpView> {
    return FollowUpView.of(await this.entries.addFollowUp(id, body));
  }
}
