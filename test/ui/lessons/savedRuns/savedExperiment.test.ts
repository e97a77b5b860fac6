import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/lab/labSettings';
import {
  decodeExperiment,
  encodeExperiment,
  experimentFingerprint,
} from '../../../../src/ui/lessons/savedRuns/savedExperiment';
import { packJson, unpackJson } from '../../../../src/ui/lessons/savedRuns/packJson';
import { freshExperimentRun, type ExperimentRun } from '../../../../src/ui/lessons/experimentRun';
import { boundedListOf, historyOf } from '../../../runs/runFixtures';
import { activation, hist, param, snapshot } from '../../charts/probeFixtures';

const plain = DEFAULT_RUN_SETTINGS;
const withBatchNorm = { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' as const };
const definitions = [
  { label: 'Plain', settings: plain },
  { label: 'BatchNorm', settings: withBatchNorm },
];
const fingerprint = experimentFingerprint(definitions, 100, 50);
const labels = definitions.map((d) => d.label);
const AT = new Date('2026-12-02T10:30:00Z');

function probesAt(step: number) {
  return snapshot(
    step,
    [param('fc1.weight')],
    [activation('act1', 'ReLU', { histogram: hist([0, 3, 9, 4], -1, 1) })],
  );
}

function finished(label: string, settings = plain): ExperimentRun {
  const steps = Array.from({ length: 100 }, (_, i) => i + 1);
  return {
    ...freshExperimentRun(label, settings),
    status: 'done',
    step: 100,
    target: 100,
    history: historyOf(steps.map((s) => Math.fround(1 / s))),
    validation: boundedListOf([{ step: 100, loss: 0.5, accuracy: 0.9, mode: 'eval' }]),
    probes: probesAt(100),
    probeHistory: boundedListOf(Array.from({ length: 64 }, (_, i) => probesAt(i + 1))),
  };
}

const runs = [
  finished('Plain'),
  {
    ...finished('BatchNorm', withBatchNorm),
    status: 'diverged' as const,
    divergedAt: 40,
    message: 'the loss became NaN',
  },
];

describe('a saved experiment', () => {
  it('comes back exactly as it was saved, settings included', () => {
    const text = encodeExperiment(runs, fingerprint, AT, 1_000_000)!;
    const restored = decodeExperiment(text, fingerprint, labels);
    expect(restored?.savedAt).toBe(AT.toISOString());
    expect(restored?.runs).toEqual(runs);
    expect(restored?.runs[1]?.settings.norm).toBe('batchNorm');
  });

  it('leaves out what a run waits for: a restored run waits for no worker', () => {
    const waitedOnError: ExperimentRun[] = [
      runs[0]!,
      { ...runs[1]!, status: 'error', message: 'no data', statusBeforeError: 'idle' },
    ];
    const text = encodeExperiment(waitedOnError, fingerprint, AT, 1_000_000)!;
    const record = unpackJson(text) as { runs: Record<string, unknown>[] };
    expect(Object.keys(record.runs[1]!)).not.toContain('statusBeforeError');
    const restored = decodeExperiment(text, fingerprint, labels)!.runs[1]!;
    expect(restored.status).toBe('error');
    expect(restored.statusBeforeError).toBeUndefined();
    expect(restored.awaitingReady).toBe(false);
  });

  it('thins the probe frames over time (keeping the newest) until it fits', () => {
    const full = encodeExperiment(runs, fingerprint, AT, 1_000_000)!;
    const text = encodeExperiment(runs, fingerprint, AT, full.length - 1)!;
    const history = decodeExperiment(text, fingerprint, labels)!.runs[0]!.probeHistory.items;
    expect(history).toHaveLength(32);
    expect(history.at(-1)?.step).toBe(64);
    expect(encodeExperiment(runs, fingerprint, AT, 100)).toBeUndefined();
  });

  it('is not restored into an experiment the lesson has since changed', () => {
    const text = encodeExperiment(runs, fingerprint, AT, 1_000_000)!;
    const longer = experimentFingerprint(definitions, 200, 50);
    expect(decodeExperiment(text, longer, labels)).toBeUndefined();
    expect(decodeExperiment(text, fingerprint, ['Plain', 'LayerNorm'])).toBeUndefined();
  });

  it('is not restored from damaged or foreign text', () => {
    expect(decodeExperiment('garbage', fingerprint, labels)).toBeUndefined();
    expect(decodeExperiment(packJson({ version: 1 }), fingerprint, labels)).toBeUndefined();
    const running = [{ ...runs[0]!, status: 'running' as const }, runs[1]!];
    const text = encodeExperiment(running, fingerprint, AT, 1_000_000)!;
    expect(decodeExperiment(text, fingerprint, labels)).toBeUndefined();
  });
});
