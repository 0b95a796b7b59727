import { type Queryable } from '../transaction';
import { type VersionedDocumentsRepository } from './versioned-documents.repository';

/** The version a process works with and its document, checked by the kind's validator on load. */
export interface ActiveVersion<Doc> {
  readonly version: number;
  readonly document: Doc;
}

/** A stored version whose document the kind's validator refused; the last good version stays. */
export class ActiveVersionInvalidError extends Error {
  readonly code = 'ACTIVE_VERSION_INVALID';

  constructor(
    readonly version: number,
    cause: unknown,
  ) {
    super(
      `ACTIVE_VERSION_INVALID: version ${version} does not validate: ${
        cause instanceof Error ? cause.message.slice(0, 300) : String(cause)
      }`,
    );
    this.name = 'ActiveVersionInvalidError';
  }
}

/**
 * The active version of one kind of versioned document, cached in memory and reloaded only when the
 * active version number changes (versions are immutable: one indexed one-row query per poll). Loads
 * run one after another, so a slow poll cannot overwrite a newer activation's document; a poll that
 * fails (a database away) keeps the last good one and reports. A version whose document does not
 * validate is reported once (`ActiveVersionInvalidError`) and then skipped: versions never change, so
 * it would fail the same way on every poll.
 */
export class ActiveVersionCache<Doc> {
  private active: ActiveVersion<Doc> | undefined;
  private rejected: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly db: Queryable,
    private readonly repo: VersionedDocumentsRepository,
    private readonly validate: (raw: unknown) => Doc,
    private readonly onLoaded: (loaded: ActiveVersion<Doc>) => void = () => undefined,
  ) {}

  /** The last loaded version; undefined before the first load or while the table has none. */
  current(): ActiveVersion<Doc> | undefined {
    return this.active;
  }

  /** Reads the active version; loads and validates its document only when it changed. */
  refresh(): Promise<ActiveVersion<Doc> | undefined> {
    const next = this.queue.then(
      () => this.load(),
      () => this.load(),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Polls every `everyMs` (never two polls at once); each failure goes to `onError`. */
  start(everyMs: number, onError: (err: unknown) => void): void {
    this.stop();
    this.timer = setInterval(() => void this.poll(onError), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async load(): Promise<ActiveVersion<Doc> | undefined> {
    const version = await this.repo.activeVersion(this.db);
    if (version === undefined || this.active?.version === version || this.rejected === version)
      return this.active;
    const row = await this.repo.find(this.db, version);
    if (row === undefined) return this.active;
    let document: Doc;
    try {
      document = this.validate(row.document);
    } catch (err: unknown) {
      this.rejected = version;
      throw new ActiveVersionInvalidError(version, err);
    }
    const loaded: ActiveVersion<Doc> = { version, document };
    this.active = loaded;
    this.onLoaded(loaded);
    return loaded;
  }

  private async poll(onError: (err: unknown) => void): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      await this.refresh();
    } catch (err: unknown) {
      onError(err);
    } finally {
      this.polling = false;
    }
  }
}
