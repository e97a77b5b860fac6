import type { Browser } from 'playwright-core';
import type { WorkerLoadReport } from '../../src/worker/workerLoad';
import type { EngineBenchPage } from './engineInWorker';
import { LAB_MLP_BN, labTrainingRate, UnresponsiveError } from './labScenarios';
import { median, type Row } from './report';

const MODEL = 'mlp-bn';
/** Each round trains the Lab for this long (after a second from Train), as the rate always did. */
export const LAB_SECONDS = 8;
/**
 * As many rounds as the worker-vs-Node row. One 8 s window decided the row before, and one slow
 * window in five idle runs (2026-12-03 23:27, 59%: its worker judged 224 of 351 slices held back,
 * against 124–165 of ~385 in the others) missed the target the other four met at 82–102%.
 */
export const LAB_ROUNDS = 5;

export interface LabRateRound {
  /** The engine's own loop in a worker of the same browser, steps/s (median of its repetitions). */
  readonly engine: number;
  /** The Lab's mlp-bn run with its charts, steps/s over LAB_SECONDS; NaN: the page did not answer. */
  readonly lab: number;
  readonly ratio: number;
  /** The Lab's worker's own accounting over the round (undefined: it did not answer). */
  readonly worker: WorkerLoadReport | undefined;
  /** Why the Lab could not be measured in this round. */
  readonly unmeasurable?: string;
}

/**
 * The Lab's mlp-bn run (probes, validation, digit predictions and its charts) against the engine's
 * bench loop in a worker of the same browser, LAB_ROUNDS times in turn (which goes first alternates),
 * so both see the same machine and a drift in its speed favours neither; the median round's ratio is
 * the figure (target ≥ 60%).
 */
export async function labRateRounds(
  browser: Browser,
  url: string,
  enginePage: EngineBenchPage,
  log: (line: string) => void,
): Promise<LabRateRound[]> {
  const rounds: LabRateRound[] = [];
  for (let round = 1; round <= LAB_ROUNDS; round++) {
    const of = `round ${round} of ${LAB_ROUNDS}`;
    const engineRate = async (): Promise<number> => {
      log(`${MODEL}: the engine's loop in a browser worker, ${of}…`);
      return (await enginePage.measure(MODEL)).rate.median;
    };
    const labRate = async () => {
      log(`${MODEL}: the Lab's training worker with its charts, ${of}…`);
      try {
        return await labTrainingRate(browser, url, LAB_MLP_BN, LAB_SECONDS);
      } catch (error) {
        if (!(error instanceof UnresponsiveError)) throw error;
        log(`the Lab, ${of}: ${error.message}`);
        return { stepsPerSecond: Number.NaN, worker: undefined, unmeasurable: error.message };
      }
    };
    let engine: number;
    let lab: Awaited<ReturnType<typeof labRate>>;
    if (round % 2 === 1) {
      engine = await engineRate();
      lab = await labRate();
    } else {
      lab = await labRate();
      engine = await engineRate();
    }
    rounds.push({
      engine,
      lab: lab.stepsPerSecond,
      ratio: lab.stepsPerSecond / engine,
      worker: lab.worker,
      ...('unmeasurable' in lab ? { unmeasurable: lab.unmeasurable } : {}),
    });
    log(`  ${MODEL}: the Lab ${lab.stepsPerSecond.toFixed(1)} vs the engine ${engine.toFixed(1)}`);
  }
  return rounds;
}

const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;

/**
 * The median round, its spread and every round's pair. A round the page did not answer in fails the
 * row whatever the median: a frozen Lab is the worst result, not noise to take a median over.
 */
export function labRateRow(rounds: readonly LabRateRound[], target: number): Row {
  const ratios = rounds.map((r) => r.ratio).filter(Number.isFinite);
  const ratio = median(ratios);
  const frozen = rounds.flatMap((r, i) =>
    r.unmeasurable === undefined ? [] : [`round ${i + 1}: ${r.unmeasurable}`],
  );
  return {
    measure: `${MODEL} steps/s in the Lab (probes, validation, charts) vs the engine in the same browser's worker`,
    value:
      `${percent(ratio)}, the median of ${rounds.length} rounds taken in turn ` +
      `(${percent(Math.min(...ratios))}–${percent(Math.max(...ratios))}; Lab vs engine: ` +
      rounds.map((r) => `${r.lab.toFixed(1)} vs ${r.engine.toFixed(1)}`).join('; ') +
      ')' +
      (frozen.length > 0 ? `; unmeasurable in ${frozen.join('; ')}` : ''),
    target: `≥ ${target * 100}%`,
    met: frozen.length === 0 && ratio >= target,
  };
}

/** The round whose ratio is the median (the lower middle of an even count), for its worker's row. */
export function medianRound(rounds: readonly LabRateRound[]): LabRateRound | undefined {
  const measured = rounds.filter((r) => Number.isFinite(r.ratio));
  return [...measured].sort((a, b) => a.ratio - b.ratio)[(measured.length - 1) >> 1];
}
