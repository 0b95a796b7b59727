export { createPool, type DbPool, type PoolOptions, type PoolTuning } from './pool';
export { DbPing, type DbPingResult } from './health-ping';
export { probePostgres, type PostgresProbeResult } from './probe';
export { describeEngine, holdRollupRefresh, probeEngine, type DbEngine } from './db-engine';
export {
  maintainTimePartitions,
  PartitionMaintainer,
  PARTITION_MAINTENANCE_EVERY_MS,
} from './partition-maintainer';
export {
  loadMigrations,
  migrate,
  migrationStatus,
  parseMigration,
  MIGRATIONS_DIR,
  type Migration,
  type MigrateOptions,
  type MigrationState,
} from './migrator';
export { DbError, type DbErrorCode } from './db-error';
export { dropDatabase, ensureDatabase, withDatabaseName } from './database-admin';
export {
  withTransaction,
  isDataRejectedError,
  isTransientDbError,
  sqlStateOf,
  type Queryable,
} from './transaction';
export { EventStoreRepository } from './event-store.repository';
export { CameraStatusAppender } from './camera-status.append';
export {
  type CameraAnalyticsRow,
  type CameraRegionRow,
  type CameraRow,
  type CameraStatusRow,
  type CaseEventRow,
} from './event-rows';
export { ALERT_CHANGES_LOCK_KEY, lockAlertChangeSequence } from './alert-changes-lock';
export { cameraAnalyticsRow, cameraRow, cameraStatusRow, caseEventRow } from './event-rows.mapper';
export { cameraSites, hourlyCounts } from './engine-inputs.repository';
export { offlineCameras, recentAnalytics, replayCaseEvents } from './engine-replay.repository';
export { stillSilentCameras } from './camera-still-silent';
export {
  alertChangeEventId,
  toAlert,
  toAlertChanged,
  toHistoryEntry,
  type AlertChangeRow,
  type AlertRow,
} from './alerts/alert-rows';
export {
  AlertStore,
  type AlertFilter,
  type AlertQualityFactRow,
  type AlertQualityFilter,
  type ListedAlertRow,
  type NewAlertChange,
} from './alerts/alert-store.repository';
export {
  AlertOutboxRelay,
  ALERT_OUTBOX_RELAY_LOCK_KEY,
  type AlertChangeSink,
} from './alerts/alert-outbox.relay';
export {
  DUTY_ROSTERS_TABLE,
  NOTIFICATION_POLICIES_TABLE,
  ROUTING_TABLES_TABLE,
  RULE_SETS_TABLE,
  type VersionedTableSpec,
  type VersionRow,
  type VersionRowWithDocument,
  type VersionStatus,
} from './versioned/versioned-table';
export { VersionedDocumentsRepository } from './versioned/versioned-documents.repository';
export {
  ActiveVersionCache,
  ActiveVersionInvalidError,
  type ActiveVersion,
} from './versioned/active-version-cache';
export { activeRuleSetCache, RULE_SET_DOCUMENTS } from './versioned/active-rule-set-cache';
export { reviseActive, type Revised, type Revision } from './versioned/revise-active';
export {
  ActiveCaseClockCache,
  DEFAULT_CASE_CLOCK,
  type ActiveCaseClock,
} from './versioned/active-case-clock';
export {
  activeRuleSet,
  DOMAIN_TABLES_LOCK_KEY,
  syncDomainTables,
  type VersionedRuleSet,
} from './cases/domain-tables';
export { CaseProjectionRepository } from './cases/case-projection.repository';
export { RegionsRepository, type RegionRow } from './regions/regions.repository';
export {
  HotspotScoresRepository,
  type HotspotRow,
  type ScoreRun,
} from './hotspots/hotspot-scores.repository';
export {
  SilencesRepository,
  silenceViewOf,
  type NewSilence,
  type SilenceRow,
} from './silences/silences.repository';
export {
  fixedMsOf,
  lookbackMs,
  maxTierLookbackMs,
  routingGroupsSql,
  tierGroupsSql,
  type DeadlineGroupRow,
} from './kpis/kpi-deadline-sql';
export { KpiFactsRepository, type CaseWindowRow, type JointCycleRow } from './kpis/kpi-facts.repository';
export {
  CameraHealthRepository,
  type CameraCountRow,
  type HealthBucketRow,
} from './kpis/camera-health.repository';
export { AlertCounts } from './alerts/alert-counts.repository';
export {
  ReportsRepository,
  type ReportListFilter,
  type ReportTimings,
  type StoredReport,
} from './reports/reports.repository';
export { ReportRequestsRepository, type ClaimedRequest } from './reports/report-requests.repository';
export { ASSESSMENT_LOOKBACK_DAYS, AssessmentRepository } from './assessment/assessment.repository';
export {
  AssessmentReportsRepository,
  type StoredAssessment,
} from './assessment/assessment-reports.repository';
export {
  NotificationsRepository,
  type NewNotification,
  type NotificationRow,
  type NotificationStatus,
} from './notify/notifications.repository';
export {
  NotificationPreferencesRepository,
  type NotifyChannel,
  type PreferenceRow,
} from './notify/notification-preferences.repository';
export { RostersRepository, type PersonRow } from './notify/rosters.repository';
export { UsersRepository, type NewUser, type UserFilter, type UserRow } from './users/users.repository';
export { camerasNearOpenAlerts, NEAR_ALERT_METRES } from './cameras-near-alerts';
export { AlertCaseLinks, type NewAlertCaseLink } from './alerts/alert-case-links.repository';
export { AlertEvidenceEvents, EVIDENCE_SHOWN } from './alerts/alert-evidence.repository';
