export type StackErrorCode =
  | 'JAVA_MISSING'
  | 'MAVEN_MISSING'
  | 'MAVEN_FETCH_FAILED'
  | 'PORT_TAKEN'
  | 'START_FAILED'
  | 'NOT_READY'
  | 'COMMAND_FAILED';

/** A stack failure that names the component, its log file, and what the operator can do. */
export class StackError extends Error {
  constructor(
    readonly code: StackErrorCode,
    readonly component: string,
    message: string,
    readonly hint: string,
    readonly logFile?: string,
  ) {
    super(message);
    this.name = 'StackError';
  }

  render(): string {
    const lines = [`✖ ${this.component}: ${this.message} [${this.code}]`];
    if (this.logFile !== undefined) lines.push(`  log: ${this.logFile}`);
    lines.push(`  what to do: ${this.hint}`);
    return lines.join('\n');
  }
}
