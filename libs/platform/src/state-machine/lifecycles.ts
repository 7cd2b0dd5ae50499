import { Injectable, SetMetadata, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { runMove, slotFillProblems, StateMachine, type HookSlot, type LifecycleHook, type Move } from './state-machine.js';

const FILLS = Symbol('samverka:fills-hook-slot');

interface SlotFill {
  slotKey: string;
  context: string;
}

/**
 * Marks a provider as the hook `context` puts in `slot`. The provider implements
 * `LifecycleHook`; `Lifecycles` finds it at start and runs it on every move the slot reacts to.
 */
export function FillsHookSlot<S extends string, Subject>(slot: HookSlot<S, Subject>, context: string): ClassDecorator {
  return (target) => {
    const earlier: SlotFill[] = Reflect.getMetadata(FILLS, target) ?? [];
    SetMetadata(FILLS, [...earlier, { slotKey: slot.key, context }])(target);
  };
}

/**
 * Makes moves with their hooks: `move()` checks the table, runs the before-hooks, writes, runs
 * the after-hooks, in one transaction (the caller's, when it has one).
 */
@Injectable()
export class Lifecycles implements OnModuleInit {
  private readonly hooks = new Map<string, LifecycleHook<string, unknown>[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  onModuleInit(): void {
    const found: SlotFill[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const fills: SlotFill[] | undefined = typeof wrapper.metatype === 'function' ? Reflect.getMetadata(FILLS, wrapper.metatype) : undefined;
      if (!fills || !wrapper.instance) continue;
      for (const fill of fills) {
        found.push(fill);
        this.hooks.set(fill.slotKey, [...(this.hooks.get(fill.slotKey) ?? []), wrapper.instance as LifecycleHook<string, unknown>]);
      }
    }
    const problems = slotFillProblems([...StateMachine.withHooks], found);
    if (problems.length) throw new Error(`Lifecycle hooks do not match their declarations:\n- ${problems.join('\n- ')}`);
  }

  move<S extends string, Subject, Names extends string, R>(machine: StateMachine<S, Subject, Names>, move: Move<S, Subject>, apply: () => Promise<R>): Promise<R> {
    return runMove(machine, move, (slot) => this.hooks.get(slot.key) ?? [], apply, (work) => this.txHost.withTransaction(work));
  }
}
