import { Injectable } from '@nestjs/common';
import type { ServerResponse } from 'node:http';

/**
 * Graceful shutdown. Counts the requests in flight; once draining starts (SIGTERM), readiness
 * answers 503 so a load balancer stops sending, every answer asks its client to close the
 * connection, and `drain` resolves when the last request in flight has been answered.
 */
@Injectable()
export class Draining {
  private inFlight = 0;
  private draining = false;
  private whenIdle: (() => void) | undefined;

  get active(): boolean {
    return this.draining;
  }

  /** Counts a request in flight until its response closes. */
  track(response: ServerResponse): void {
    this.inFlight++;
    // 'close' also fires when the client goes away first: that request is no longer in flight either.
    response.once('close', () => {
      if (--this.inFlight === 0) this.whenIdle?.();
    });
    if (this.draining) response.setHeader('Connection', 'close');
  }

  /** Starts draining; true once nothing is in flight, false when `graceMs` ran out first. */
  drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), graceMs);
      this.whenIdle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }
}
