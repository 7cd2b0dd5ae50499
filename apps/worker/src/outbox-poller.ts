import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxDelivery } from '@samverka/identity';

const IDLE_DELAY_MS = 1000;
const BATCH_SIZE = 20;

/** Drains the outbox: a full batch is followed at once by the next, an empty one by a short pause. */
@Injectable()
export class OutboxPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxPoller');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly delivery: OutboxDelivery) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delivered = 0;
      try {
        delivered = await this.delivery.deliverBatch(BATCH_SIZE);
      } catch (error) {
        this.logger.error({ err: error }, 'claiming outbox messages failed');
      }
      if (delivered < BATCH_SIZE && this.running) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, IDLE_DELAY_MS);
        });
      }
    }
  }
}
