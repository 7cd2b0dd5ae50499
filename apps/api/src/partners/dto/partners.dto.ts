import { BooleanField, DayField, EnumField, PageQueryDto, TextField, TextListField, UuidField } from '@samverka/platform';
import { POST_DIRECTIONS, POST_KINDS, type PostDirection, type PostKind } from '@samverka/partners';
import { Transform } from 'class-transformer';

/** A post's whole content: creating writes it, an edit (with If-Match) replaces it. */
export class PartnerPostDto {
  @EnumField(POST_DIRECTIONS, { description: 'Whether you look for this or offer it.' })
  direction: PostDirection;

  @EnumField(POST_KINDS, { description: 'What it is: competence, a test environment, premises, funding, or a partner for a challenge.' })
  kind: PostKind;

  @UuidField({ optional: true, nullable: true, description: 'A challenge the post is about, one you can see; its title is then shown with the post.' })
  challengeId?: string | null;

  @TextField({ max: 200, example: 'Vi söker en testmiljö för en app för äldre' })
  title: string;

  @TextField({ max: 4000, multiline: true })
  description: string;

  @TextListField({ maxItems: 20, maxLength: 80, description: 'Tags (normalised: trimmed, lower case); suggestions need at least one shared tag.', example: ['äldre', 'digital delaktighet'] })
  tags: string[];

  @TextField({ min: 4, max: 4, optional: true, nullable: true, example: '1283', description: 'Where: SCB municipality code.' })
  municipalityCode?: string | null;

  @DayField({ description: 'The last day the post is listed: today or later.' })
  endsOn: string;
}

export class HidePartnerPostDto {
  @TextField({ max: 2000, multiline: true, description: 'Why the post is hidden; shown to its author.' })
  reason: string;
}

const asBoolean = Transform(({ value }) => value === 'true' || value === true);

export class PartnerPostQuery extends PageQueryDto {
  @EnumField(POST_DIRECTIONS, { optional: true })
  direction?: PostDirection;

  @EnumField(POST_KINDS, { optional: true })
  kind?: PostKind;

  @TextField({ max: 80, optional: true, description: 'Posts with this tag (compared normalised).' })
  tag?: string;

  @TextField({ min: 4, max: 4, optional: true, description: 'Posts in this municipality (SCB code).' })
  municipalityCode?: string;

  @asBoolean
  @BooleanField({ optional: true, description: 'Also posts past their end date.' })
  includeExpired?: boolean;

  @asBoolean
  @BooleanField({ optional: true, description: 'Only your own posts, withdrawn and hidden ones included.' })
  mine?: boolean;
}
