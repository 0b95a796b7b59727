/** One consumed (or HTTP-received) message with its coordinates, for validation and dead-lettering. */
export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

/** The consumer's hold on the batches of a flush: keep them alive, know when they are lost. */
export interface FlushControl {
  keepAlive(): Promise<void>;
  isActive(): boolean;
}
