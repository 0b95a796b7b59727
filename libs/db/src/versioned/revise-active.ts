import { type Queryable } from '../transaction';
import { type VersionedDocumentsRepository } from './versioned-documents.repository';

/** A new version as its kind builds it from the active one. */
export interface Revision<Doc> {
  readonly document: Doc;
  readonly note: string;
  readonly label?: string;
}

export interface Revised<Doc> {
  readonly version: number;
  /** The version it replaced; null when the table had none active. */
  readonly previous: number | null;
  readonly document: Doc;
}

/**
 * An edit of a document that takes effect at once (a roster change): in `tx`, under the table lock,
 * reads the active version's document (undefined when there is none), stores the revision built
 * from it as the next version and makes it the active one, the previous retired. The same
 * repository steps as propose + activate, in one transaction, so two edits never build on the same
 * version and history keeps every one.
 */
export async function reviseActive<Doc>(
  tx: Queryable,
  repo: VersionedDocumentsRepository,
  p: {
    readonly validate: (raw: unknown) => Doc;
    readonly by: string;
    readonly at: Date;
    readonly build: (current: Doc | undefined) => Revision<Doc>;
  },
): Promise<Revised<Doc>> {
  await repo.lock(tx);
  const active = await repo.activeVersion(tx);
  const row = active === undefined ? undefined : await repo.find(tx, active);
  const revision = p.build(row === undefined ? undefined : p.validate(row.document));
  const document = p.validate(revision.document);
  const version = await repo.nextVersion(tx);
  await repo.insertProposal(tx, { version, ...revision, document, by: p.by, at: p.at });
  const previous = (await repo.retireActive(tx, p.at)) ?? null;
  await repo.markActive(tx, version, p.by, p.at);
  return { version, previous, document };
}
