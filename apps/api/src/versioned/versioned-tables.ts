import {
  DUTY_ROSTERS_TABLE,
  NOTIFICATION_POLICIES_TABLE,
  ROUTING_TABLES_TABLE,
  RULE_SET_DOCUMENTS,
  VersionedDocumentsRepository,
} from '@fengqiao/db';

/** The rule_sets table: libs/db's one instance (the active-rule-set cache reads through it too). */
export const RULE_SET_VERSIONS = RULE_SET_DOCUMENTS;
/** The routing_tables table. */
export const ROUTING_TABLE_VERSIONS = new VersionedDocumentsRepository(ROUTING_TABLES_TABLE);
/** The duty_roster_versions table. */
export const DUTY_ROSTER_VERSIONS = new VersionedDocumentsRepository(DUTY_ROSTERS_TABLE);
/** The notification_policy_versions table. */
export const NOTIFICATION_POLICY_VERSIONS = new VersionedDocumentsRepository(NOTIFICATION_POLICIES_TABLE);
