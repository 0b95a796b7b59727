/** Injection tokens for the process-wide resources the infra module provides. */
export const CONFIG = Symbol('FengqiaoConfig');
export const DB_POOL = Symbol('DbPool');
export const KAFKA = Symbol('Kafka');
export const API_OPTIONS = Symbol('ApiOptions');
export const CLOCK = Symbol('Clock');
