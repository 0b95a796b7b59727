/** Injection tokens for the process-wide resources the infra module provides. */
export const CONFIG = Symbol('FengqiaoConfig');
export const DB_POOL = Symbol('DbPool');
