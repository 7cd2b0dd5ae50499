import { ApiProperty } from '@nestjs/swagger';
import { LICENCE_INFO, LICENCES, openCardUrl, openVersionUrl, type Licence, type MethodCardPublication, type PublishedVersion } from '@samverka/impact';
import { EnumField, IntField, TextField } from '@samverka/platform';
import { Matches } from 'class-validator';
import type { CsvCell, OpenCsv } from './open-data.js';
import { OpenPageQuery } from './open-data.js';

/** The largest version PostgreSQL's integer holds. */
const MAX_VERSION = 2_147_483_647;

/**
 * A published method card version: what another installation imports, and what anyone may
 * read and cite. Never the learnings the card quotes, nor who wrote or published it.
 */
export class OpenMethodCardView {
  @ApiProperty({ format: 'uuid', description: 'The card at the publishing installation.' }) id: string;
  @ApiProperty({ maxLength: 60, example: 'unga-bokar-sjalva', description: 'The card’s public name in addresses; fixed once published.' }) slug: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1 }) version: number;
  @ApiProperty({ format: 'uri', description: 'This version’s stable address.' }) url: string;
  @ApiProperty({ format: 'uri', description: 'The card’s address: its newest published version.' }) cardUrl: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 4000 }) whenToUse: string;
  @ApiProperty({ type: [String], description: 'In the order they are taken.' }) steps: string[];
  @ApiProperty({ maxLength: 8000 }) evidence: string;
  @ApiProperty({ enum: LICENCES, description: 'SPDX identifier of the licence.' }) licence: Licence;
  @ApiProperty({ format: 'uri', example: 'https://creativecommons.org/licenses/by/4.0/' }) licenceUri: string;
  @ApiProperty({ maxLength: 1000, description: 'How to cite this version: title, installation, version, date, licence and address.' }) citation: string;
  @ApiProperty({ maxLength: 200, description: 'The installation that publishes it.' }) publisher: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: [Number], description: 'UN goals of the challenges the card’s learnings came from.' }) sdgs: number[];
  @ApiProperty({ type: [String], description: 'Tags of the learnings the card is distilled from.' }) tags: string[];
  @ApiProperty({ type: [String], description: 'SCB codes of the municipalities where it was tried.' }) municipalityCodes: string[];
  @ApiProperty({ type: [String], description: 'SCB codes of their counties.' }) countyCodes: string[];

  static of(published: PublishedVersion, publicUrl: string, publisher: string): OpenMethodCardView {
    const { content, card } = published;
    const slug = card.slug ?? card.id;
    return Object.assign(new OpenMethodCardView(), {
      id: card.id,
      slug,
      version: published.version,
      url: openVersionUrl(publicUrl, slug, published.version),
      cardUrl: openCardUrl(publicUrl, slug),
      title: content.title,
      whenToUse: content.whenToUse,
      steps: content.steps,
      evidence: content.evidence,
      licence: published.licence,
      licenceUri: LICENCE_INFO[published.licence].uri,
      citation: published.citation,
      publisher,
      publishedAt: published.publishedAt.toISOString(),
      sdgs: published.sdgs,
      tags: published.tags,
      municipalityCodes: published.municipalityCodes,
      countyCodes: published.countyCodes,
    });
  }
}

export class OpenMethodCardPage {
  @ApiProperty({ type: [OpenMethodCardView] }) items: OpenMethodCardView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

const list = (values: readonly (string | number)[]): string => values.join(';');

/** One row per version; lists are joined by `;`, steps by a line break. */
export const OPEN_METHOD_CARD_CSV: OpenCsv<OpenMethodCardView> = {
  filename: 'method-cards',
  columns: ['id', 'slug', 'version', 'url', 'title', 'when_to_use', 'steps', 'evidence', 'licence', 'citation', 'publisher', 'published_at', 'sdgs', 'tags', 'municipality_codes', 'county_codes'],
  row: (c): CsvCell[] => [c.id, c.slug, c.version, c.url, c.title, c.whenToUse, c.steps.join('\n'), c.evidence, c.licence, c.citation, c.publisher, c.publishedAt, list(c.sdgs), list(c.tags), list(c.municipalityCodes), list(c.countyCodes)],
};

export class OpenMethodCardQuery extends OpenPageQuery {
  @TextField({ max: 200, optional: true, description: 'Full-text search (Swedish and English stemming) in title and when to use.' })
  q?: string;

  @IntField({ min: 1, max: 17, optional: true, description: 'Only cards about this UN goal.' })
  sdg?: number;

  @TextField({ max: 50, optional: true, description: 'Only cards with this tag.' })
  tag?: string;

  @TextField({ min: 4, max: 4, optional: true, description: 'Only cards tried in this municipality (four-digit SCB code).' })
  @Matches(/^\d{4}$/, { message: 'municipality must be a four-digit SCB code' })
  municipality?: string;

  @TextField({ min: 2, max: 2, optional: true, description: 'Only cards tried in this county (two-digit SCB code).' })
  @Matches(/^\d{2}$/, { message: 'county must be a two-digit SCB code' })
  county?: string;

  @IntField({ min: 2000, max: 2100, optional: true, description: 'Only cards published this year.' })
  year?: number;
}

export class OpenCardParams {
  @TextField({ max: 100, description: 'The card’s slug, or its id.' })
  @Matches(/^[a-z0-9-]+$/i, { message: 'card must be a slug or an id' })
  card: string;
}

export class OpenVersionParams extends OpenCardParams {
  @IntField({ min: 1, max: MAX_VERSION, description: 'The version number.' })
  version: number;
}

/** A manager's view of a version's publication. */
export class MethodCardPublicationView {
  @ApiProperty({ format: 'uuid' }) cardId: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1 }) version: number;
  @ApiProperty({ enum: ['published', 'unpublished'] }) state: 'published' | 'unpublished';
  @ApiProperty({ enum: LICENCES }) licence: Licence;
  @ApiProperty({ maxLength: 1000 }) citation: string;
  @ApiProperty({ format: 'uri', description: 'The version’s public address; 410 while unpublished.' }) url: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) unpublishedAt: string | null;

  /** `publication.card` mapped in: its slug makes the address. */
  static of(publication: MethodCardPublication, publicUrl: string): MethodCardPublicationView {
    const url = openVersionUrl(publicUrl, publication.card?.slug ?? publication.cardId, publication.version);
    return Object.assign(new MethodCardPublicationView(), {
      cardId: publication.cardId,
      version: publication.version,
      state: publication.unpublishedAt ? 'unpublished' : 'published',
      licence: publication.licence,
      citation: publication.citation,
      url,
      publishedAt: publication.publishedAt.toISOString(),
      unpublishedAt: publication.unpublishedAt?.toISOString() ?? null,
    });
  }
}

export class PublishDto {
  @EnumField(LICENCES, { optional: true, description: 'The licence; CC BY 4.0 when not given. A published version keeps it.' })
  licence?: Licence;
}
