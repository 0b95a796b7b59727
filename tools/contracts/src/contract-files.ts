import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { contractDocuments } from '@fengqiao/contracts';

export interface ContractDrift {
  readonly missing: string[];
  readonly changed: string[];
  readonly stale: string[];
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** How the checked-in contract documents differ from what the zod schemas generate now. */
export function contractDrift(docsDir: string): ContractDrift {
  const docs = contractDocuments();
  const expected = new Set(docs.map((d) => d.path));
  const drift: ContractDrift = { missing: [], changed: [], stale: [] };
  for (const doc of docs) {
    const file = join(docsDir, doc.path);
    if (!existsSync(file)) drift.missing.push(doc.path);
    else if (readFileSync(file, 'utf8') !== doc.content) drift.changed.push(doc.path);
  }
  for (const file of filesUnder(join(docsDir, 'schemas'))) {
    const path = relative(docsDir, file).split('\\').join('/');
    if (!expected.has(path)) drift.stale.push(path);
  }
  return drift;
}

/** Writes every generated document and removes schema files no message produces any more. */
export function writeContractDocuments(docsDir: string): ContractDrift {
  const drift = contractDrift(docsDir);
  for (const doc of contractDocuments()) {
    const file = join(docsDir, doc.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, doc.content);
  }
  for (const path of drift.stale) rmSync(join(docsDir, path));
  return drift;
}
