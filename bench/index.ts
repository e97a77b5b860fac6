/**
 * `npm run bench [-- --json | --markdown] [-- --only mlp-bn,cnn-res] [-- --no-tfjs] [-- --conv-ab]
 * [-- --gemm-breakdown]`
 *
 * Steps per second of the reference models (ours against TensorFlow.js cpu and wasm, same weights,
 * same batch, same run) and GFLOP/s of our matrix multiply. `--conv-ab` adds cnn-res trained with
 * the implicit-GEMM convolution and with im2col + gemm, taking turns; `--gemm-breakdown` times the
 * 256×256×256 product with and without its copies and the micro-kernel alone. See
 * docs/PERFORMANCE.md.
 */
import { cpus, loadavg } from 'node:os';
import { gemmFastBackend } from '../src/engine/kernels/gemmFast';
import { measureConvAb, type ConvAbResult } from './convAb';
import { measureGemmBreakdown, type GemmBreakdown } from './gemmBreakdown';
import { measureDepthProbe, type DepthProbeTiming } from './depthProbe';
import { MATMUL_SHAPES, measureMatmul, shapeKey, type MatmulResult } from './matmul';
import { DEFAULT_MEASURE, measureInterleaved, type MeasureOptions, type Rate } from './measure';
import { createOurTrainer, createSetup, type Trainer } from './ourModels';
import {
  describeSpec,
  REFERENCE_MODELS,
  REFERENCE_NAMES,
  type ReferenceName,
} from './referenceModels';
import { useTfjsBackend } from './tfjsBackends';
import { createTfjsTrainer } from './tfjsModels';

const SEED = 2024;

type Implementation = 'ours' | 'tfjs-cpu' | 'tfjs-wasm';

interface ImplementationResult extends Rate {
  /** Loss after the first step: equal across implementations when the models really are the same. */
  readonly firstLoss: number;
  readonly lastLoss: number;
}

interface ModelResult {
  readonly description: string;
  readonly results: Partial<Record<Implementation, ImplementationResult>>;
  /** ours / the faster tfjs backend (medians). */
  readonly ratio: number | null;
}

interface Options {
  readonly json: boolean;
  readonly markdown: boolean;
  readonly tfjs: boolean;
  readonly convAb: boolean;
  readonly gemmBreakdown: boolean;
  readonly only: readonly ReferenceName[];
}

function parseArgs(argv: readonly string[]): Options {
  let json = false;
  let markdown = false;
  let tfjs = true;
  let convAb = false;
  let gemmBreakdown = false;
  let only: ReferenceName[] = [...REFERENCE_NAMES];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--markdown') markdown = true;
    else if (arg === '--no-tfjs') tfjs = false;
    else if (arg === '--conv-ab') convAb = true;
    else if (arg === '--gemm-breakdown') gemmBreakdown = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg === '--only' ? (argv[++i] ?? '') : arg.slice('--only='.length);
      only = list.split(',').map((name) => {
        if (!(REFERENCE_NAMES as readonly string[]).includes(name)) {
          throw new Error(`bench: unknown model '${name}'; known: ${REFERENCE_NAMES.join(', ')}`);
        }
        return name as ReferenceName;
      });
    } else {
      throw new Error(
        `bench: unknown argument '${arg}' (use --json, --markdown, --only a,b, --no-tfjs, --conv-ab, --gemm-breakdown)`,
      );
    }
  }
  return { json, markdown, tfjs, convAb, gemmBreakdown, only };
}

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** tfjs-cpu takes ~10 s per cnn-res step: one warm-up step and one timed step are all we wait for. */
function measureOptions(name: ReferenceName, implementation: Implementation): MeasureOptions {
  if (implementation === 'tfjs-cpu') {
    return { ...DEFAULT_MEASURE, budgetSeconds: name === 'cnn-res' ? 15 : 12 };
  }
  return DEFAULT_MEASURE;
}

/** Measures trainers (interleaved when several) and checks that none diverged. */
function run(
  name: ReferenceName,
  implementations: readonly Implementation[],
  trainers: readonly Trainer[],
): ImplementationResult[] {
  const firstLosses = trainers.map((trainer) => trainer.step());
  const lastLosses = [...firstLosses];
  const steps = trainers.map((trainer, i) => () => {
    lastLosses[i] = trainer.step();
  });
  const rates = measureInterleaved(steps, measureOptions(name, implementations[0]!));
  return rates.map((rate, i) => {
    const lastLoss = lastLosses[i]!;
    if (!Number.isFinite(lastLoss)) {
      throw new Error(`bench: ${implementations[i]} on ${name} diverged (loss ${lastLoss})`);
    }
    return { ...rate, firstLoss: firstLosses[i]!, lastLoss };
  });
}

async function benchModel(name: ReferenceName, options: Options): Promise<ModelResult> {
  const spec = REFERENCE_MODELS[name];
  const results: Partial<Record<Implementation, ImplementationResult>> = {};
  const ours = createOurTrainer(createSetup(spec, SEED));
  if (!options.tfjs) {
    log(`${name}: ours…`);
    results.ours = run(name, ['ours'], [ours])[0]!;
  } else {
    // Ours and tfjs-wasm (the fast tfjs backend) take turns, so they see the same machine.
    log(`${name}: ours and tfjs-wasm, interleaved…`);
    await useTfjsBackend('wasm');
    const wasm = createTfjsTrainer(spec, createSetup(spec, SEED));
    try {
      const [oursResult, wasmResult] = run(name, ['ours', 'tfjs-wasm'], [ours, wasm]);
      results.ours = oursResult!;
      results['tfjs-wasm'] = wasmResult!;
    } finally {
      wasm.dispose();
    }
    log(`${name}: tfjs-cpu…`);
    await useTfjsBackend('cpu');
    const cpu = createTfjsTrainer(spec, createSetup(spec, SEED));
    try {
      results['tfjs-cpu'] = run(name, ['tfjs-cpu'], [cpu])[0]!;
    } finally {
      cpu.dispose();
    }
    for (const implementation of ['tfjs-cpu', 'tfjs-wasm'] as const) {
      const theirs = results[implementation]!.firstLoss;
      if (Math.abs(theirs - results.ours!.firstLoss) > 1e-3) {
        log(
          `warning: ${name}: first-step loss differs (ours ${results.ours!.firstLoss}, ${implementation} ${theirs}): the models are not the same`,
        );
      }
    }
  }
  const best = Math.max(results['tfjs-cpu']?.median ?? 0, results['tfjs-wasm']?.median ?? 0);
  return {
    description: describeSpec(spec),
    results,
    ratio: best > 0 ? results.ours!.median / best : null,
  };
}

async function benchMatmul(options: Options): Promise<Record<string, MatmulResult>> {
  const out: Record<string, MatmulResult> = {};
  if (options.tfjs) await useTfjsBackend('wasm');
  for (const shape of MATMUL_SHAPES) {
    log(`matmul ${shapeKey(shape)}…`);
    out[shapeKey(shape)] = measureMatmul(shape, options.tfjs);
  }
  return out;
}

const format = (rate: Rate | undefined, digits = 1): string => {
  if (!rate) return '—';
  const range = `${rate.min.toFixed(digits)}–${rate.max.toFixed(digits)}`;
  const capped =
    rate.reps < DEFAULT_MEASURE.reps ? `, ${rate.reps} rep${rate.reps > 1 ? 's' : ''}` : '';
  return `${rate.median.toFixed(digits)} (${range}${capped})`;
};

function modelRows(models: Partial<Record<ReferenceName, ModelResult>>): string[][] {
  const rows: string[][] = [['model', 'ours', 'tfjs-cpu', 'tfjs-wasm', 'ours / best tfjs']];
  for (const [name, result] of Object.entries(models)) {
    const r = result.results;
    rows.push([
      name,
      format(r.ours),
      format(r['tfjs-cpu'], 2),
      format(r['tfjs-wasm']),
      result.ratio === null ? '—' : `${result.ratio.toFixed(2)}×`,
    ]);
  }
  return rows;
}

function matmulRows(matmul: Record<string, MatmulResult>): string[][] {
  const rows: string[][] = [['M×K×N', 'ours NN', 'ours NT', 'ours TN', 'tfjs-wasm NN']];
  for (const [key, result] of Object.entries(matmul)) {
    rows.push([
      key.replaceAll('x', '×'),
      format(result.ours),
      format(result.oursNT),
      format(result.oursTN),
      format(result['tfjs-wasm']),
    ]);
  }
  return rows;
}

function depthProbeRows(probe: DepthProbeTiming): string[][] {
  const ms = (t: DepthProbeTiming['coldMs']) =>
    `${t.median.toFixed(0)} (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;
  return [
    ['depth probe', 'cold (new seed)', 'warm (slider moves)'],
    [probe.setting, ms(probe.coldMs), ms(probe.warmMs)],
  ];
}

function convAbRows(ab: ConvAbResult): string[][] {
  return [
    ['cnn-res, ours', 'implicit GEMM', 'im2col + gemm', 'implicit / im2col'],
    ['steps/s', format(ab.implicit), format(ab.im2col), `${ab.ratio.toFixed(2)}×`],
  ];
}

function breakdownRows(b: GemmBreakdown): string[][] {
  return [
    [
      '256×256×256, GFLOP/s of CPU time',
      'gemm()',
      'sgemm in wasm memory',
      'micro-kernel, L1',
      'micro-kernel, A from L2',
      'mul + add, no loads',
      'clock (GHz)',
    ],
    [
      'median (min–max)',
      format(b.gemm),
      format(b.sgemm),
      format(b.microkernelL1),
      format(b.microkernelL2),
      format(b.peak),
      format(b.clockGHz),
    ],
  ];
}

function printMarkdown(rows: string[][]): void {
  const [header, ...body] = rows;
  console.log(`| ${header!.join(' | ')} |`);
  console.log(`| ${header!.map(() => '---').join(' | ')} |`);
  for (const row of body) console.log(`| ${row.join(' | ')} |`);
}

function printTable(
  models: Partial<Record<ReferenceName, ModelResult>>,
  matmul: Record<string, MatmulResult>,
): void {
  const rows = modelRows(models);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log('Training steps per second: median (min–max) of 5 repetitions after warm-up');
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log('\nMatrix multiply GFLOP/s: median (min–max)');
  const mm = matmulRows(matmul);
  const mmWidths = mm[0]!.map((_, c) => Math.max(...mm.map((row) => row[c]!.length)));
  for (const row of mm) console.log(row.map((cell, c) => cell.padEnd(mmWidths[c]!)).join('  '));
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  log(
    `node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'unknown CPU'}, load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, gemm: ${gemmFastBackend}`,
  );
  const models: Partial<Record<ReferenceName, ModelResult>> = {};
  for (const name of options.only) models[name] = await benchModel(name, options);
  const matmul = await benchMatmul(options);
  log('depth probe…');
  const probe = measureDepthProbe();
  let convAb: ConvAbResult | undefined;
  if (options.convAb) {
    log('cnn-res: implicit GEMM and im2col, interleaved…');
    convAb = measureConvAb(SEED);
  }
  let breakdown: GemmBreakdown | undefined;
  if (options.gemmBreakdown) {
    log('gemm breakdown (compiles the micro-kernel test bed)…');
    breakdown = await measureGemmBreakdown();
  }
  if (options.json) {
    const flat = Object.fromEntries(
      Object.entries(models).map(([name, { description, results, ratio }]) => [
        name,
        { description, ...results, ratio },
      ]),
    );
    console.log(
      JSON.stringify(
        { ...flat, matmul, depthProbe: probe, convAb, gemmBreakdown: breakdown },
        null,
        2,
      ),
    );
  } else if (options.markdown) {
    printMarkdown(modelRows(models));
    console.log();
    printMarkdown(matmulRows(matmul));
    console.log();
    printMarkdown(depthProbeRows(probe));
    if (convAb) {
      console.log();
      printMarkdown(convAbRows(convAb));
    }
    if (breakdown) {
      console.log();
      printMarkdown(breakdownRows(breakdown));
    }
  } else {
    printTable(models, matmul);
    console.log('\nDepth probe, milliseconds: median (min–max) of 5');
    for (const row of depthProbeRows(probe)) console.log(row.join('  '));
    if (convAb) {
      console.log('\nConvolution kernel A/B, steps per second: median (min–max)');
      for (const row of convAbRows(convAb)) console.log(row.join('  '));
    }
    if (breakdown) {
      console.log('\nWhere the 256×256×256 product loses time');
      for (const row of breakdownRows(breakdown)) console.log(row.join('  '));
    }
  }
  log(
    `load at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

await main();
