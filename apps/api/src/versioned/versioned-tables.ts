import {
  DUTY_ROSTERS_TABLE,
  NOTIFICATION_POLICIES_TABLE,
  ROUTING_TABLES_TABLE,
  RULE_SETS_TABLE,
  VersionedDocumentsRepository,
} from '@fengqiao/db';

/** The rule_sets table (stateless: one instance per process is all it needs). */
export const RULE_SET_VERSIONS = new VersionedDocumentsRepository(RULE_SETS_TABLE);
/** The routing_tables table. */
export const ROUTING_TABLE_VERSIONS = new VersionedDocumentsRepository(ROUTING_TABLES_TABLE);
/** The duty_roster_versions table. */
export const DUTY_ROSTER_VERSIONS = new VersionedDocumentsRepository(DUTY_ROSTERS_TABLE);
/** The notification_policy_versions table. */
export const NOTIFICATION_POLICY_VERSIONS = new VersionedDocumentsRepository(NOTIFICATION_POLICIES_TABLE);
