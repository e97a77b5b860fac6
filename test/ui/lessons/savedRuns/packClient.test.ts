// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/lab/labSettings';
import { freshExperimentRun } from '../../../../src/ui/lessons/experimentRun';
import type { PackReply, PackRequest } from '../../../../src/ui/lessons/savedRuns/packProtocol';
import { experimentRecord, packRecord } from '../../../../src/ui/lessons/savedRuns/savedExperiment';

/** A stand-in for the browser's Worker: records what the page posts and lets the test answer. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly posted: PackRequest[] = [];
  terminated = false;
  constructor(readonly url: URL | string) {
    super();
    FakeWorker.started.push(this);
  }
  postMessage(request: PackRequest): void {
    this.posted.push(request);
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

afterEach(() => vi.unstubAllGlobals());

describe('packing off the page thread', () => {
  it('posts the record to one worker and hands each answer to its own caller', async () => {
    const { packOffThread } = await freshClient();
    const answers: (string | undefined)[][] = [[], []];
    packOffThread(record, 1000, (text) => answers[0]!.push(text));
    packOffThread(record, 50, (text) => answers[1]!.push(text));
    expect(FakeWorker.started).toHaveLength(1);
    const worker = FakeWorker.started[0]!;
    expect(String(worker.url)).toMatch(/packWorker\.ts/);
    const [a, b] = worker.posted;
    expect(a?.record).toBe(record);
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

  it("the worker's answer is the record packed as on this thread", async () => {
    const { answer } = await import('../../../../src/ui/lessons/savedRuns/packWorker');
    expect(answer({ id: 7, record, maxChars: 100_000 })).toEqual({
      id: 7,
      text: packRecord(record, 100_000),
    });
    expect(answer({ id: 8, record, maxChars: 10 })).toEqual({ id: 8, text: undefined });
  });
});
