import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes RFC 4180 with a BOM and CRLF, quoting commas, quotes and line breaks', () => {
    expect(toCsv(['name', 'note'], [['Åsa, Malmö', 'sa "hej"\nsen'], ['Bo', null]])).toBe('\uFEFFname,note\r\n"Åsa, Malmö","sa ""hej""\nsen"\r\nBo,\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, but keeps negative numbers', () => {
    expect(toCsv(['x'], [['=HYPERLINK("evil")'], ['+1'], ['-2'], ['@SUM(A1)'], [-0.5]])).toBe('\uFEFFx\r\n"\'=HYPERLINK(""evil"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n-0.5\r\n');
  });
});
