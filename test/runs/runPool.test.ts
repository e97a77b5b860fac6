import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { setMessageBatchWindow } from '../../src/runs/messageBatching';
import { RunPool, type PooledMessage } from '../../src/runs/runPool';
import { setRunWorkerFactory } from '../../src/runs/workerFactory';
import { fakeWorkerFactory, snapshotOf, type FakeRunWorker } from '../store/fakeRunWorker';

let made: FakeRunWorker[];
let applied: PooledMessage<string>[][];
let pool: RunPool<string>;

beforeEach(() => {
  const factory = fakeWorkerFactory();
  made = factory.made;
  setRunWorkerFactory(factory.create);
  setMessageBatchWindow(0);
  vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
  applied = [];
  pool = new RunPool<string>({ apply: (batch) => applied.push(batch) });
});
afterEach(() => {
  setRunWorkerFactory(undefined);
  setMessageBatchWindow(undefined);
  vi.unstubAllGlobals();
});

describe('RunPool', () => {
  it('creates a run’s worker on its first configure and reuses it after', () => {
    pool.configure('a', DEFAULT_RUN_SETTINGS, 20);
    const seeded = { ...DEFAULT_RUN_SETTINGS, seed: 7 };
    pool.configure('a', seeded, 0, 50);
    expect(made).toHaveLength(1);
    expect(made[0]!.sent).toEqual([
      { type: 'configure', setup: toWorkerSetup(DEFAULT_RUN_SETTINGS, 20) },
      { type: 'configure', setup: toWorkerSetup(seeded, 0, 50) },
    ]);
    expect(pool.configuredWith('a')).toBe(seeded);
    expect(pool.has('a')).toBe(true);
    expect(pool.has('b')).toBe(false);
  });

  it('hands every worker’s messages back with the key of its run, in arrival order', () => {
    pool.ensure('a');
    pool.ensure('b');
    made[1]!.emit({ type: 'status', running: true });
    made[0]!.emit(snapshotOf(1, 2));
    expect(applied.flat().map(([key, message]) => [key, message.type])).toEqual([
      ['b', 'status'],
      ['a', 'snapshot'],
    ]);
  });

  it('restarts a crashed worker when it is next needed, which forgets its settings and share', () => {
    pool.configure('a', DEFAULT_RUN_SETTINGS, 0);
    pool.ensure('b');
    pool.shareCores(2);
    made[0]!.crashed = true;
    expect(pool.crashed('a')).toBe(true);
    pool.ensure('a');
    expect(made[0]!.restarts).toBe(1);
    expect(pool.crashed('a')).toBe(false);
    expect(pool.configuredWith('a')).toBeUndefined();
    // The restarted worker has a whole core again, so it is told the share; the other already has it.
    pool.shareCores(2);
    expect(made[0]!.sent.filter((m) => m.type === 'setCpuShare')).toHaveLength(2);
    expect(made[1]!.sent.filter((m) => m.type === 'setCpuShare')).toHaveLength(1);
  });

  it('keeps a Train for a run with no configured worker until its configure has gone out', () => {
    // The Lab's run on own data waits for the data before it is configured; a Train pressed meanwhile
    // must reach the worker, after the configuration (a worker with no run ignores a Train).
    pool.send('a', { type: 'train' });
    pool.ensure('b');
    pool.send('b', { type: 'step', count: 3 });
    expect(made.map((w) => w.sent)).toEqual([[]]);
    pool.configure('a', DEFAULT_RUN_SETTINGS, 0);
    pool.configure('b', DEFAULT_RUN_SETTINGS, 0);
    pool.send('a', { type: 'pause' });
    expect(made.map((w) => w.types())).toEqual([
      ['configure', 'step'],
      ['configure', 'train', 'pause'],
    ]);
  });

  it('drops what waited for a run that is stopped before its worker is configured', () => {
    pool.send('a', { type: 'train' });
    pool.stop('a');
    pool.send('b', { type: 'train' });
    pool.stopAll();
    pool.configure('a', DEFAULT_RUN_SETTINGS, 0);
    pool.configure('b', DEFAULT_RUN_SETTINGS, 0);
    expect(made.map((w) => w.types())).toEqual([['configure'], ['configure']]);
  });

  it('tells a worker its detail and core share only when they change', () => {
    pool.ensure('a');
    pool.setDetail('a', 'full');
    pool.setDetail('a', 'reduced');
    pool.setDetail('a', 'reduced');
    pool.shareCores(1);
    pool.shareCores(4);
    pool.shareCores(4);
    expect(made[0]!.sent).toEqual([
      { type: 'setDetail', detail: 'reduced' },
      { type: 'setCpuShare', share: 0.25, ownSlowdown: 2.5 },
    ]);
  });

  it('leaves the page the cores it was built to reserve', () => {
    const lesson = new RunPool<string>({ apply: () => undefined, reservedCores: 0.5 });
    lesson.ensure('a');
    lesson.ensure('b');
    lesson.shareCores(2);
    expect(made.map((w) => w.sent)).toEqual([
      [{ type: 'setCpuShare', share: 0.75, ownSlowdown: 1.25 }],
      [{ type: 'setCpuShare', share: 0.75, ownSlowdown: 1.25 }],
    ]);
  });

  it('stops a run’s worker and no longer listens to it', () => {
    pool.ensure('a');
    pool.ensure('b');
    pool.stop('a');
    expect(made[0]!.terminated).toBe(true);
    made[0]!.emit({ type: 'status', running: false });
    pool.send('a', { type: 'train' });
    pool.sendAll({ type: 'pause' });
    expect(applied).toEqual([]);
    expect(made[0]!.sent).toEqual([]);
    expect(made[1]!.sent).toEqual([{ type: 'pause' }]);
    pool.stopAll();
    expect(made[1]!.terminated).toBe(true);
    expect(pool.has('b')).toBe(false);
  });

  it('applies a leading message at once and lets the others wait for it', () => {
    vi.useFakeTimers();
    try {
      setMessageBatchWindow(undefined);
      const leading = new RunPool<string>({
        apply: (batch) => applied.push(batch),
        windowMs: 100,
        leads: (key) => key === 'a',
      });
      leading.ensure('a');
      leading.ensure('b');
      // After a quiet spell the first message goes at once; the next one waits for its window…
      made[1]!.emit(snapshotOf(1, 1));
      made[1]!.emit(snapshotOf(2, 2));
      expect(applied.map((batch) => batch.map(([key]) => key))).toEqual([['b']]);
      // …until a leading message, due a gap after the last update, takes it along.
      vi.advanceTimersByTime(30);
      made[0]!.emit(snapshotOf(1, 1));
      expect(applied.map((batch) => batch.map(([key]) => key))).toEqual([['b'], ['b', 'a']]);
      made[1]!.emit(snapshotOf(3, 3));
      leading.dropWaiting();
      vi.advanceTimersByTime(200);
      expect(applied).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('by default lets snapshots wait for the window and applies a status change at once', () => {
    vi.useFakeTimers();
    try {
      setMessageBatchWindow(undefined);
      pool.ensure('a');
      made[0]!.emit(snapshotOf(1, 1));
      made[0]!.emit(snapshotOf(2, 2));
      expect(applied).toHaveLength(1);
      // A finished run is shown a gap after the last update, not at the end of the window.
      vi.advanceTimersByTime(30);
      made[0]!.emit({ type: 'status', running: false, finished: true });
      expect(applied.map((batch) => batch.map(([, m]) => m.type))).toEqual([
        ['snapshot'],
        ['snapshot', 'status'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
