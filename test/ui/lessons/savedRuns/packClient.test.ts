// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/lab/labSettings';
import { freshExperimentRun } from '../../../../src/ui/lessons/experimentRun';
import type {
  PackMessage,
  PackReply,
  PackRequest,
} from '../../../../src/ui/lessons/savedRuns/packProtocol';
import {
  experimentRecord,
  packRecord,
  type SavedRecord,
} from '../../../../src/ui/lessons/savedRuns/savedExperiment';
import { activation, param, snapshot } from '../../charts/probeFixtures';

/** A stand-in for the browser's Worker: records what the page posts and lets the test answer. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly posted: PackMessage[] = [];
  terminated = false;
  constructor(readonly url: URL | string) {
    super();
    FakeWorker.started.push(this);
  }
  postMessage(message: PackMessage): void {
    this.posted.push(message);
  }
  /** The records posted to be packed (each after its frames). */
  requests(): PackRequest[] {
    return this.posted.filter((m): m is PackRequest => m.type === 'pack');
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(reply: PackReply): void {
    this.dispatchEvent(new MessageEvent('message', { data: reply }));
  }
}

const record = experimentRecord(
  [freshExperimentRun('Net', DEFAULT_RUN_SETTINGS)],
  'fingerprint',
  new Date('2026-12-03T03:00:00Z'),
);

async function freshClient() {
  vi.resetModules();
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
  return import('../../../../src/ui/lessons/savedRuns/packClient');
}

/** Two runs with three and two probe frames, distinct values in each. */
const withFrames: SavedRecord = {
  ...record,
  runs: [
    { ...record.runs[0]!, probeHistory: [1, 2, 3].map((step) => frameAt(step)) },
    { ...record.runs[0]!, label: 'Other', probeHistory: [4, 5].map((step) => frameAt(step)) },
  ],
};

function frameAt(step: number) {
  return snapshot(
    step,
    [param('0.weight', { gradNorm: step / 100, weightNorm: 2 + step / 10 })],
    [activation('1', 'ReLU 1', { mean: step / 7 })],
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('packing off the page thread', () => {
  it('posts the record to one worker and hands each answer to its own caller', async () => {
    const { packOffThread } = await freshClient();
    const answers: (string | undefined)[][] = [[], []];
    packOffThread(record, 1000, (text) => answers[0]!.push(text));
    packOffThread(record, 50, (text) => answers[1]!.push(text));
    expect(FakeWorker.started).toHaveLength(1);
    const worker = FakeWorker.started[0]!;
    expect(String(worker.url)).toMatch(/packWorker\.ts/);
    const [a, b] = worker.requests();
    expect(a?.record).toEqual(record);
    expect([a?.maxChars, b?.maxChars]).toEqual([1000, 50]);
    worker.reply({ id: b!.id, text: undefined });
    worker.reply({ id: a!.id, text: 'packed' });
    expect(answers).toEqual([['packed'], [undefined]]);
  });

  it('answers every waiting caller with nothing when the worker fails, then starts a new one', async () => {
    const { packOffThread } = await freshClient();
    const answers: (string | undefined)[] = [];
    packOffThread(record, 1000, (text) => answers.push(text));
    const failed = FakeWorker.started[0]!;
    failed.dispatchEvent(new Event('error'));
    expect(answers).toEqual([undefined]);
    expect(failed.terminated).toBe(true);
    packOffThread(record, 1000, (text) => answers.push(text));
    expect(FakeWorker.started).toHaveLength(2);
  });

  it('posts the probe frames in slices, each a task of its own, then the record', async () => {
    vi.useFakeTimers();
    // Each look at the clock finds 3 ms gone: the slice starts, posts a frame at 3 ms and at 6 ms
    // in, and at 9 ms (over SLICE_MS, 8) leaves the rest to a task of its own.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    const { packOffThread } = await freshClient();
    packOffThread(withFrames, 1000, () => undefined);
    const worker = FakeWorker.started[0]!;
    const frameSteps = () =>
      worker.posted.flatMap((m) => (m.type === 'frame' ? [[m.run, m.frame.step]] : []));
    expect(frameSteps()).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(worker.requests()).toEqual([]);
    vi.runAllTimers();
    expect(frameSteps()).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 4],
      [1, 5],
    ]);
    expect(worker.posted.at(-1)?.type).toBe('pack');
    expect(worker.requests()[0]?.record.runs.map((r) => r.probeHistory)).toEqual([[], []]);
  });

  it("the worker's answer is the record, frames and all, packed as on this thread", async () => {
    vi.useFakeTimers();
    const { packOffThread } = await freshClient();
    const { receive } = await import('../../../../src/ui/lessons/savedRuns/packWorker');
    packOffThread(withFrames, 100_000, () => undefined);
    packOffThread(withFrames, 10, () => undefined);
    vi.runAllTimers();
    const worker = FakeWorker.started[0]!;
    const replies = worker.posted.flatMap((m) => receive(m) ?? []);
    const [a, b] = worker.requests();
    const packed = packRecord(withFrames, 100_000);
    expect(packed).toBeDefined();
    expect(replies).toEqual([
      { id: a!.id, text: packed },
      { id: b!.id, text: undefined },
    ]);
  });
});
