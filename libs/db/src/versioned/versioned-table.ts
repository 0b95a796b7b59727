/**
 * Where a kind of versioned document lives: its table and the columns that differ between kinds.
 * Every name here is a constant of this file, never input, so it may be spliced into SQL.
 */
export interface VersionedTableSpec {
  readonly table: string;
  /** The jsonb column holding the document. */
  readonly document: string;
  /** The free-text column saying why (a comment, a note). */
  readonly note: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** SQL counting the document's items, e.g. `jsonb_array_length(body->'rules')`. */
  readonly size: string;
  /** A text column copied from the document on insert (a rule set's name), if the kind has one. */
  readonly label?: string;
}

/** Versioned rule sets (decision 0008): read by the warning service, the KPI tiles and the API. */
export const RULE_SETS_TABLE: VersionedTableSpec = {
  table: 'rule_sets',
  document: 'body',
  note: 'comment',
  proposedBy: 'proposed_by',
  proposedAt: 'proposed_at',
  size: `jsonb_array_length(body->'rules')`,
  label: 'name',
};

/** Versioned case-routing tables (decision 0009): read by each API instance. */
export const ROUTING_TABLES_TABLE: VersionedTableSpec = {
  table: 'routing_tables',
  document: 'rules',
  note: 'note',
  proposedBy: 'created_by',
  proposedAt: 'created_at',
  size: 'jsonb_array_length(rules)',
};

/**
 * Versioned duty rosters (decision 0016): every region's weekly pattern and exceptions as one
 * document, edited by the API (each edit a new active version), read by the notify service.
 */
export const DUTY_ROSTERS_TABLE: VersionedTableSpec = {
  table: 'duty_roster_versions',
  document: 'roster',
  note: 'note',
  proposedBy: 'proposed_by',
  proposedAt: 'proposed_at',
  size: `jsonb_array_length(roster->'patterns') + jsonb_array_length(roster->'exceptions')`,
};

/**
 * Versioned notification policies (issue 19): what each alert colour asks for and the escalation
 * timing, city-wide with region overrides; proposed and activated through the API, read by the
 * notify service.
 */
export const NOTIFICATION_POLICIES_TABLE: VersionedTableSpec = {
  table: 'notification_policy_versions',
  document: 'policy',
  note: 'note',
  proposedBy: 'proposed_by',
  proposedAt: 'proposed_at',
  size: `1 + jsonb_array_length(policy->'regions')`,
};

export type VersionStatus = 'proposed' | 'active' | 'retired';

/** One version as stored, without its document. */
export interface VersionRow {
  readonly version: number;
  readonly status: VersionStatus;
  /** The label column's value; null for kinds without one. */
  readonly label: string | null;
  readonly note: string;
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly activatedBy: string | null;
  readonly activatedAt: Date | null;
  /** How many items the document holds. */
  readonly size: number;
}

/** As stored: `document` is whatever the column holds, checked by the caller's validator before use. */
export type VersionRowWithDocument = VersionRow & { readonly document: unknown };
