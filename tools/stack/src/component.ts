import { type FengqiaoConfig } from '@fengqiao/config';

export interface ComponentStatus {
  readonly name: string;
  /** running: process up and the readiness check passed; external: not ours, check passed. */
  readonly state: 'running' | 'external' | 'stopped' | 'unhealthy';
  readonly detail: string;
  readonly logFile?: string;
}

/** One service of the local stack: started idempotently, checked for real, stopped completely. */
export interface StackComponent {
  readonly name: string;
  up(config: FengqiaoConfig, say: (line: string) => void): Promise<void>;
  down(config: FengqiaoConfig, say: (line: string) => void): Promise<void>;
  status(config: FengqiaoConfig): Promise<ComponentStatus>;
}
