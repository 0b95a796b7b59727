import { type NotifyChannel } from '@fengqiao/db';
import { type DeliveryVerdict, type NotificationMessage } from '@fengqiao/notify';

/** One message to one person: the id (unchanged across retries; receivers dedupe on it) and address. */
export interface Delivery {
  readonly id: string;
  /** Email address, mobile number, or the robot mention handle, as the person's preference says. */
  readonly address: string;
  readonly message: NotificationMessage;
}

/** A way to reach a person: one small interface per channel, one attempt per call. */
export interface NotificationChannel {
  readonly name: NotifyChannel;
  send(delivery: Delivery): Promise<DeliveryVerdict>;
  close?(): Promise<void>;
}
