import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type ReferenceTable = 'sdgs' | 'counties' | 'municipalities';

/** Reads one of the bundled reference CSV files (UTF-8, header row first). */
export function readReferenceCsv(name: ReferenceTable): Record<string, string>[] {
  const text = readFileSync(new URL(`./${name}.csv`, import.meta.url), 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
}
