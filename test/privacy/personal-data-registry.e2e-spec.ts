import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TestServer } from '@samverka/testing';

interface Column {
  entity: string;
  column: string;
  type: string;
}

/**
 * Boots the built app's modules on the test's database (no HTTP) and reads from the app itself
 * every column of every entity its data source registers, and every column the contributors to
 * its personal-data registry declare. In a child process: the Nest libraries load only as
 * native ES modules.
 */
const READ_BUILT_APP = `
  import 'reflect-metadata';
  import { NestFactory } from '@nestjs/core';
  import { DataSource } from 'typeorm';
  const { AppModule } = await import('./dist/apps/api/src/app.module.js');
  const { loadConfig, PersonalDataRegistry } = await import('./dist/libs/platform/src/index.js');
  const app = await NestFactory.createApplicationContext(AppModule.with(loadConfig(), process.env.DATABASE_URL), { logger: false });
  const columns = app.get(DataSource).entityMetadatas.flatMap((e) => e.columns.map((c) => ({ entity: e.targetName, column: c.propertyName, type: String(c.type) })));
  const registered = app.get(PersonalDataRegistry).all.flatMap((contributor) => contributor.holds.flatMap(({ entity, columns }) => columns.map((column) => entity.name + '.' + column)));
  await app.close();
  process.stdout.write(JSON.stringify({ columns, registered }));
`;

/**
 * Columns that look personal but are not a person's, each with why. Adding one here decides that
 * the column survives every erasure as it is.
 */
const NOT_PERSONAL: Record<string, string[]> = {
  // Ids, codes and counts only: an event's words go to audit_texts (AuditTrail routes `reason` there).
  AuditEvent: ['details'],
  // What happened, in Samverka's words; whatever a person wrote goes in the body.
  Notification: ['title'],
  // The city's and the programme's own texts, written in an office's name.
  Department: ['name', 'organisation', 'description'],
  Challenge: ['title', 'problemStatement', 'targetGroup', 'desiredOutcome'],
  ChallengeRevision: ['content'],
  Programme: ['name', 'description'],
  Cohort: ['name'],
  ImpactMetric: ['name', 'unit'],
  ConsentPurpose: ['titleSv', 'titleEn', 'textSv', 'textEn'],
  // A dialogue meeting's invitation, written by its arrangers for the public.
  DialogueMeeting: ['description'],
  // The needs a meeting raised together are its shared record, kept when a participant is erased (no longer tied to them).
  DialogueNeed: ['title', 'description', 'evidence'],
  // A test environment's published contact, kept current by its department; not tied to an account.
  TestEnvironment: ['name', 'description', 'address', 'contactName', 'contactEmail', 'contactPhone', 'resources', 'consentRules'],
  // Method cards are the programme's knowledge; the learnings they quote are covered as `learnings`.
  MethodCardVersion: ['title', 'whenToUse', 'evidence'],
  // Challenge facts frozen with a run.
  MatchingRunRecord: ['input'],
  // The engine's explanation of a pair: ids, titles, seats, scores.
  Match: ['reason'],
  // A SHA-256 digest of the approved learning text, not the text; deleted anyway when its author is erased.
  TrackLearningApproval: ['textDigest'],
  // Reference data.
  Sdg: ['nameSv', 'nameEn'],
  County: ['name'],
  Municipality: ['name'],
};

const TEXT_TYPES = new Set(['text', 'varchar', 'character varying', 'citext', 'jsonb', 'json']);
/** Names of columns that can hold a name, an address or someone's words. */
const PERSONAL_NAME = /name|e_?mail|address|phone|contact|reason|comment|note|body|text|description|summary|title|pitch|organisation|answer|evidence|excerpt|message|content|payload|learning|input|details|error|tried|observed/i;

describe('the personal-data registry', () => {
  let columns: Column[];
  let registered: string[];
  const name = (c: Pick<Column, 'entity' | 'column'>) => `${c.entity}.${c.column}`;
  const exempt = Object.entries(NOT_PERSONAL).flatMap(([entity, names]) => names.map((column) => name({ entity, column })));

  beforeAll(async () => {
    const server = await TestServer.start();
    try {
      const env = { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' };
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', READ_BUILT_APP], { env, encoding: 'utf8' });
      ({ columns, registered } = JSON.parse(stdout));
    } finally {
      await server.stop();
    }
  });

  it('covers every column that holds a name, an address or words a person wrote', () => {
    const covered = new Set([...registered, ...exempt]);
    const personalLooking = columns.filter((c) => TEXT_TYPES.has(c.type) && PERSONAL_NAME.test(c.column)).map(name);
    expect(personalLooking.filter((column) => !covered.has(column))).toEqual([]);
  });

  it('names only columns that exist, so a renamed column cannot slip out of it', () => {
    const known = new Set(columns.map(name));
    expect(registered.length).toBeGreaterThan(10);
    expect([...registered, ...exempt].filter((column) => !known.has(column))).toEqual([]);
  });
});
