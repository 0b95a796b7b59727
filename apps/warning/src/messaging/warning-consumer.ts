import { type CameraRegistered } from '@fengqiao/contracts';
import { type ConsumedBatch, type KafkaBatchConsumer } from '@fengqiao/kafka';
import { type EngineInput } from '@fengqiao/rules';
import { type WarningService } from '../engine/warning.service';
import { type WarningTopics } from '../warning-topics';
import { decode } from './input-decoder';

/** The Kafka handler: decode a batch by its topic's contract and hand it to the service. */
export class WarningConsumer {
  invalid = 0;

  constructor(
    private readonly consumer: KafkaBatchConsumer,
    private readonly topics: WarningTopics,
    private readonly service: WarningService,
  ) {}

  start(): Promise<void> {
    return this.consumer.start((batch) => this.onBatch(batch));
  }

  isJoined(): boolean {
    return this.consumer.isJoined();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  private async onBatch(batch: ConsumedBatch): Promise<void> {
    const kind = this.topics.kindOf(batch.topic);
    if (kind === undefined) return;
    const registered: CameraRegistered[] = [];
    const inputs: EngineInput[] = [];
    for (const m of batch.messages) {
      const d = decode(kind, m.value);
      if (d.kind === 'input') inputs.push(d.input);
      else if (d.kind === 'registered') registered.push(d.camera);
      else this.invalid++;
    }
    await this.service.handle(registered, inputs);
  }
}
