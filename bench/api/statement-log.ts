import type pg from 'pg';

/** A statement as Samverka sent it: its text and, for the extended protocol, its parameters as text. */
export interface Statement {
  text: string;
  values?: (string | null)[];
}

const PREFIX = '@@bench ';
const APPLICATION = 'samverka';
/** What a server's connections call themselves, so that its statements can be told from the bench's own. */
export const APPLICATION_NAME = `application_name=${APPLICATION}`;

/**
 * PostgreSQL's statement log, read from the embedded server's output: with `log_statement =
 * all` on for one request, every statement Samverka's connections sent for it, with its
 * parameters, in the order the server received them.
 */
export class StatementLog {
  private output = '';

  /**
   * Feeds the server's output here (the embedded launcher's `log`, which trims each chunk: a
   * space keeps apart the words a long entry was split between).
   */
  readonly append = (chunk: string): void => {
    this.output += `${chunk} `;
  };

  async capture(admin: pg.Pool, send: () => Promise<void>): Promise<Statement[]> {
    await setLogging(admin, true);
    const from = this.output.length;
    try {
      await send();
      // The log is written by the backends asynchronously to the answer.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await setLogging(admin, false);
    }
    return parse(this.output.slice(from));
  }
}

async function setLogging(admin: pg.Pool, on: boolean): Promise<void> {
  if (on) {
    await admin.query(`ALTER SYSTEM SET log_line_prefix = '${PREFIX}%p %a@@ '`);
    await admin.query(`ALTER SYSTEM SET log_statement = 'all'`);
  } else {
    await admin.query(`ALTER SYSTEM RESET log_statement`);
  }
  await admin.query('SELECT pg_reload_conf()');
  // Backends read the new settings before their next command; give the postmaster a moment to signal them.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

const ENTRY = /^(\d+) (\S*)@@ ([A-Z]+):\s+([\s\S]*)$/;
const STATEMENT = /^(?:statement|execute [^:]+): ([\s\S]*)$/;
const PARAMETER = /\$(\d+) = (?:NULL|'((?:[^']|'')*)')/g;

function parse(log: string): Statement[] {
  const statements: Statement[] = [];
  const lastOf = new Map<string, Statement>();
  for (const piece of log.split(PREFIX).slice(1)) {
    const match = ENTRY.exec(piece.trimEnd());
    if (!match || match[2] !== APPLICATION) continue;
    const [, pid, , level, message] = match;
    if (level === 'LOG') {
      const statement = STATEMENT.exec(message);
      if (!statement) continue;
      const entry: Statement = { text: statement[1].trim() };
      statements.push(entry);
      lastOf.set(pid, entry);
    } else if (level === 'DETAIL' && /^parameters: /i.test(message)) {
      const entry = lastOf.get(pid);
      if (!entry) continue;
      const values: (string | null)[] = [];
      for (const [whole, index, value] of message.matchAll(PARAMETER)) values[Number(index) - 1] = whole.endsWith('NULL') && value === undefined ? null : value.replaceAll("''", "'");
      entry.values = values;
    }
  }
  return statements;
}
