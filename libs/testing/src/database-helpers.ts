import type { TestServer } from './test-server.js';

/** The tables (of the app's schema) with a row whose text contains `needle`, ignoring case: where something is still readable. */
export async function tablesContaining(server: TestServer, needle: string): Promise<string[]> {
  const { rows: tables } = await server.db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await server.db.query(`SELECT 1 FROM "${name}" row WHERE row::text ILIKE '%' || $1 || '%' LIMIT 1`, [needle]);
    if (rows.length) found.push(name);
  }
  return found;
}
