import { jest } from '@jest/globals';
import fc from 'fast-check';
import { ConflictError, InvalidTransitionError } from '../errors/domain-error.js';
import { runMove, slotFillProblems, StateMachine, type HookLookup, type LifecycleHook, type Move } from './state-machine.js';

type DoorState = 'draft' | 'open' | 'closed';
const TABLE = { draft: ['open'], open: ['closed', 'draft'], closed: [] } as const;
const STATES: DoorState[] = ['draft', 'open', 'closed'];

function door() {
  return new StateMachine<DoorState, { id: string }, 'mayOpen' | 'opened' | 'closed'>('door', TABLE, {
    mayOpen: { phase: 'before', on: ['open'], filledBy: ['keys'], purpose: 'only with a key' },
    opened: { phase: 'after', on: ['open'], filledBy: ['log'], purpose: 'note who came in' },
    closed: { phase: 'after', on: ['closed'], filledBy: ['log'], purpose: 'note the closing' },
  });
}

/** A store whose writes count only when the transaction around them ends without an error. */
class FakeDatabase {
  committed = new Map<string, string>();
  private open?: Map<string, string>;

  inTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    this.open = new Map(this.committed);
    try {
      const result = await work();
      this.committed = this.open;
      return result;
    } finally {
      this.open = undefined;
    }
  };

  write(key: string, value: string): void {
    if (!this.open) throw new Error('written outside a transaction');
    this.open.set(key, value);
  }

  read(key: string): string | undefined {
    if (!this.open) throw new Error('read outside a transaction');
    return this.open.get(key);
  }
}

const hook = (run: (move: Move<DoorState, { id: string }>) => Promise<void>): LifecycleHook<string, unknown> => ({ run: run as LifecycleHook<string, unknown>['run'] });

function lookup(hooks: Record<string, LifecycleHook<string, unknown>[]>): HookLookup {
  return (slot) => hooks[slot.name] ?? [];
}

describe('lifecycle hooks', () => {
  it('a before-hook that throws vetoes the move: its error comes back and nothing is written', async () => {
    const machine = door();
    const db = new FakeDatabase();
    db.committed.set('door:1', 'draft');
    const apply = jest.fn(async () => db.write('door:1', 'open'));
    const after = jest.fn(async () => undefined);
    const veto = hook(async () => {
      throw new ConflictError('tracks_under_way', 'Tracks are under way.');
    });

    await expect(runMove(machine, { subject: { id: '1' }, from: 'draft', to: 'open' }, lookup({ mayOpen: [veto], opened: [hook(after)] }), apply, db.inTransaction)).rejects.toMatchObject({ code: 'tracks_under_way' });
    expect(apply).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
    expect(db.committed.get('door:1')).toBe('draft');
  });

  it('after-hooks run inside the transaction, after the move is written, and commit with it', async () => {
    const machine = door();
    const db = new FakeDatabase();
    db.committed.set('door:1', 'draft');
    const seen: string[] = [];
    const log = hook(async (move) => {
      seen.push(`${db.read('door:1')} (${move.from} → ${move.to})`);
      db.write('log:1', `opened ${move.subject.id}`);
    });

    const result = await runMove(machine, { subject: { id: '1' }, from: 'draft', to: 'open' }, lookup({ opened: [log] }), async () => {
      db.write('door:1', 'open');
      return 'done';
    }, db.inTransaction);

    expect(result).toBe('done');
    expect(seen).toEqual(['open (draft → open)']);
    expect(Object.fromEntries(db.committed)).toEqual({ 'door:1': 'open', 'log:1': 'opened 1' });
  });

  it('an after-hook that throws undoes the move with everything written before it', async () => {
    const machine = door();
    const db = new FakeDatabase();
    db.committed.set('door:1', 'open');
    const failing = hook(async () => {
      db.write('log:1', 'half');
      throw new Error('the log is full');
    });
    await expect(runMove(machine, { subject: { id: '1' }, from: 'open', to: 'closed' }, lookup({ closed: [failing] }), async () => db.write('door:1', 'closed'), db.inTransaction)).rejects.toThrow('the log is full');
    expect(Object.fromEntries(db.committed)).toEqual({ 'door:1': 'open' });
  });

  it('a move the table refuses runs no hook and writes nothing', async () => {
    const machine = door();
    const db = new FakeDatabase();
    const before = jest.fn(async () => undefined);
    const apply = jest.fn(async () => db.write('door:1', 'closed'));
    await expect(runMove(machine, { subject: { id: '1' }, from: 'draft', to: 'closed' }, lookup({ mayOpen: [hook(before)] }), apply, db.inTransaction)).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(before).not.toHaveBeenCalled();
    expect(apply).not.toHaveBeenCalled();
  });

  it('a slot reacts only to the states it names; hooks of one slot run in registration order', async () => {
    const machine = door();
    const db = new FakeDatabase();
    const calls: string[] = [];
    const hooks = lookup({
      mayOpen: [hook(async () => void calls.push('key 1')), hook(async () => void calls.push('key 2'))],
      opened: [hook(async () => void calls.push('opened'))],
      closed: [hook(async () => void calls.push('closed'))],
    });
    await runMove(machine, { subject: { id: '1' }, from: 'open', to: 'draft' }, hooks, async () => calls.push('write'), db.inTransaction);
    await runMove(machine, { subject: { id: '1' }, from: 'draft', to: 'open' }, hooks, async () => calls.push('write'), db.inTransaction);
    expect(calls).toEqual(['write', 'key 1', 'key 2', 'write', 'opened']);
  });

  it('the lifecycle lists its slots with who fills them', () => {
    const machine = door();
    expect(machine.slots.map((slot) => [slot.key, slot.spec.phase, slot.spec.filledBy])).toEqual([
      ['door.mayOpen', 'before', ['keys']],
      ['door.opened', 'after', ['log']],
      ['door.closed', 'after', ['log']],
    ]);
    expect(StateMachine.withHooks.has(machine as unknown as StateMachine<string, unknown, string>)).toBe(true);
    expect(StateMachine.withHooks.has(new StateMachine<DoorState>('plain', TABLE) as unknown as StateMachine<string, unknown, string>)).toBe(false);
  });

  it('start-up check: every declared filler registered, nothing registered that is not declared', () => {
    const machine = door() as unknown as StateMachine<string, unknown, string>;
    const complete = [
      { slotKey: 'door.mayOpen', context: 'keys' },
      { slotKey: 'door.opened', context: 'log' },
      { slotKey: 'door.closed', context: 'log' },
    ];
    expect(slotFillProblems([machine], complete)).toEqual([]);
    expect(slotFillProblems([machine], complete.slice(1))).toEqual(['door.mayOpen is to be filled by keys, which registered no hook']);
    expect(slotFillProblems([machine], [...complete, { slotKey: 'door.opened', context: 'alarm' }])).toEqual(['alarm fills door.opened, but the lifecycle lists only log']);
    expect(slotFillProblems([machine], [...complete, { slotKey: 'door.painted', context: 'log' }])).toEqual(['a hook from log fills door.painted, which no lifecycle declares']);
  });

  it('property: over any sequence of attempts and vetoes, the stored state follows exactly the allowed, unvetoed moves, each logged once in its transaction', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ to: fc.constantFrom(...STATES), veto: fc.boolean() }), { maxLength: 25 }), async (attempts) => {
        const machine = door();
        const db = new FakeDatabase();
        db.committed.set('door', 'draft');
        let vetoNext = false;
        let logged = 0;
        const hooks = lookup({
          mayOpen: [
            hook(async () => {
              if (vetoNext) throw new ConflictError('tracks_under_way', 'Tracks are under way.');
            }),
          ],
          opened: [hook(async () => db.write('logged', String(++logged)))],
          closed: [hook(async () => db.write('logged', String(++logged)))],
        });
        let model: DoorState = 'draft';
        let expectedLogs = 0;
        for (const { to, veto } of attempts) {
          vetoNext = veto;
          const from = db.committed.get('door') as DoorState;
          const outcome = await runMove(machine, { subject: { id: 'door' }, from, to }, hooks, async () => db.write('door', to), db.inTransaction).then(
            () => 'moved',
            () => 'refused',
          );
          const allowed = machine.canMove(model, to) && !(to === 'open' && veto);
          expect(outcome).toBe(allowed ? 'moved' : 'refused');
          if (allowed) {
            model = to;
            if (to !== 'draft') expectedLogs++;
          }
          expect(db.committed.get('door')).toBe(model);
          expect(Number(db.committed.get('logged') ?? 0)).toBe(expectedLogs);
        }
      }),
    );
  });
});
