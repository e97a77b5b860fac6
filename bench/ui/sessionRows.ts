import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { engineStepMs, sessionCost, type SessionCost } from '../sessionCost';
import { median, type Row } from './report';

/** bench:ui's mlp-bn as the Lab builds it (LAB_MLP_BN in labScenarios.ts). */
const MLP_BN: LabRunSettings = {
  ...DEFAULT_RUN_SETTINGS,
  dataset: 'mnist14',
  depth: 8,
  width: 64,
  norm: 'batchNorm',
  batchSize: 64,
  learningRate: 0.01,
  init: 'pytorchDefault',
};
const STEPS = 2000;
const ROUNDS = 3;
/** The Lab's training rate must reach this share of the engine's (issue 17). */
const TARGET = 0.6;

/**
 * The Lab's mlp-bn run trained through the worker's session loop in Node (probes, validation on the
 * Lab's own schedule, snapshots with digit predictions), against the plain engine loop, both in CPU
 * time per step, ROUNDS times in turn.
 */
export async function labSessionRows(log: (line: string) => void): Promise<Row[]> {
  const rounds: { engine: number; session: SessionCost; ratio: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    log(`mlp-bn: engine loop and the Lab's session loop, ${STEPS} steps each, round ${round}…`);
    const engine = await engineStepMs(MLP_BN, STEPS);
    const session = await sessionCost(MLP_BN, STEPS, { mode: 'lab' });
    if (session.error !== undefined) throw new Error(`the mlp-bn run failed: ${session.error}`);
    rounds.push({ engine, session, ratio: engine / (session.totalMs / STEPS) });
  }
  const ms = (x: number): string => x.toFixed(2);
  const best = rounds.find((r) => r.ratio === median(rounds.map((x) => x.ratio)))!;
  const s = best.session;
  const share = (part: number): string => `${((part / s.totalMs) * 100).toFixed(1)}%`;
  const other = s.totalMs - s.plainStepMs - s.probedStepMs - s.validationMs - s.snapshotMs;
  return [
    {
      measure: 'mlp-bn, CPU ms per step: engine loop vs the Lab session loop (Node)',
      value: rounds
        .map(
          (r) =>
            `${ms(r.engine)} vs ${ms(r.session.totalMs / STEPS)} (${(r.ratio * 100).toFixed(0)}%)`,
        )
        .join('; '),
      target: `≥ ${TARGET * 100}% (median)`,
      met: median(rounds.map((r) => r.ratio)) >= TARGET,
    },
    {
      measure: 'the median round: where the session loop’s CPU time went',
      value:
        `plain steps ${share(s.plainStepMs)} (${s.plainSteps}); ` +
        `probed steps ${share(s.probedStepMs)} (${s.probedSteps}, ${ms(s.probedStepMs / Math.max(1, s.probedSteps))} ms each); ` +
        `validation ${share(s.validationMs)} (${s.validations}); ` +
        `snapshots ${share(s.snapshotMs)} (${s.snapshots}); other ${share(other)}`,
      target: '',
      met: undefined,
    },
  ];
}
