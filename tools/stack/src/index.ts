export { stackUp, stackDown, stackStatus, migrateDatabase } from './stack';
export { StackError, type StackErrorCode } from './stack-error';
export { type ComponentStatus } from './component';
