export { stackUp, stackDown, stackStatus, migrateDatabase } from './stack';
export { StackError, type StackErrorCode } from './stack-error';
export { type ComponentStatus } from './component';
export { KafkaCluster, type KafkaClusterOptions } from './kafka-cluster.component';
export { postgresComponent } from './postgres.component';
export { ensureMediamtx, mediamtxBinary, MEDIAMTX_VERSION } from './mediamtx';
