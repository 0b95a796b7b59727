/** One CSV line of the division files: comma-separated, fields optionally in double quotes. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** The rows of a CSV text as records keyed by its header. */
export function csvRecords(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = csvFields(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const f = csvFields(line);
    return Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
  });
}
