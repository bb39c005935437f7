import * as assert from 'node:assert/strict';
import { LazyFeature, type CommandRegistry } from '../../../src/extension/lazyFeature';

/** Commands as the extension host keeps them: one handler per id, a second registration throws. */
class FakeCommands implements CommandRegistry {
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();

  registerCommand(id: string, run: (...args: unknown[]) => unknown) {
    if (this.handlers.has(id)) throw new Error(`command '${id}' already exists`);
    this.handlers.set(id, run);
    return { dispose: () => this.handlers.delete(id) };
  }

  executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    const run = this.handlers.get(id);
    if (!run) return Promise.reject(new Error(`command '${id}' not found`));
    return Promise.resolve().then(() => run(...args));
  }
}

/** A load the test finishes when it wants. */
function gate<T>(): { promise: Promise<T>; open(value: T): void; fail(e: Error): void } {
  let open!: (value: T) => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const disposable = { dispose: () => undefined };

describe('LazyFeature', () => {
  it('registers stand-ins at once and runs every call made during the load, in order, after it', async () => {
    const commands = new FakeCommands();
    const loaded = gate<void>();
    const ran: string[] = [];
    let loads = 0;
    const feature = new LazyFeature(
      commands,
      ['a', 'b'],
      async () => {
        loads++;
        await loaded.promise;
        return () => {
          // The real commands take the stand-ins' ids: the registry throws if one is still there.
          commands.registerCommand('a', (x) => (ran.push(`a${String(x)}`), `A${String(x)}`));
          commands.registerCommand('b', () => (ran.push('b'), 'B'));
          return disposable;
        };
      },
      (e) => assert.fail(String(e)),
    );
    assert.deepEqual([...commands.handlers.keys()], ['a', 'b']);
    assert.equal(feature.loaded, undefined);
    const calls = [
      commands.executeCommand('a', 1),
      commands.executeCommand('b'),
      commands.executeCommand('a', 2),
    ];
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(ran, [], 'nothing runs before the code is there');
    loaded.open();
    assert.deepEqual(await Promise.all(calls), ['A1', 'B', 'A2']);
    assert.deepEqual(ran, ['a1', 'b', 'a2']);
    assert.equal(loads, 1, 'loaded once');
    assert.equal(feature.loaded, disposable);
    assert.equal(await commands.executeCommand('b'), 'B', 'later calls go straight to the real command');
  });

  it('rejects the calls waiting for a failed load, says so, and tries again on the next use', async () => {
    const commands = new FakeCommands();
    const errors: unknown[] = [];
    let attempt = 0;
    const feature = new LazyFeature(
      commands,
      ['a'],
      () => {
        attempt++;
        if (attempt === 1) return Promise.reject(new Error('chunk missing'));
        return Promise.resolve(() => {
          commands.registerCommand('a', () => 'ok');
          return disposable;
        });
      },
      (e) => errors.push(e),
    );
    await assert.rejects(commands.executeCommand('a'), /chunk missing/);
    assert.equal(errors.length, 1);
    assert.equal(await commands.executeCommand('a'), 'ok');
    assert.equal(feature.loaded, disposable);
  });

  it('does not start a feature whose load ends after it was disposed', async () => {
    const commands = new FakeCommands();
    const loaded = gate<void>();
    let started = false;
    const feature = new LazyFeature(
      commands,
      ['a'],
      async () => {
        await loaded.promise;
        return () => ((started = true), disposable);
      },
      () => undefined,
    );
    const pending = feature.get();
    feature.dispose();
    assert.equal(commands.handlers.size, 0, 'the stand-ins go with it');
    loaded.open();
    await assert.rejects(pending, /deactivated/);
    assert.equal(started, false);
  });
});
