/**
 * Splits one CSV line into fields: commas separate, double quotes enclose fields that contain
 * commas, and "" inside quotes is one quote. Enough for small reference tables, not for feeds.
 *
 * @example
 * splitCsvLine('287,"CIRCULATORY DISORDERS, EXCEPT AMI",1.08'); // ['287', 'CIRCULATORY DISORDERS, EXCEPT AMI', '1.08']
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
