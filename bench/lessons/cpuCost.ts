import { makeCoherent } from '../../src/lab/coherence';
import { cpuShareFor, LESSON_RESERVED_CORES } from '../../src/runs/cpuShare';
import { runSettings } from '../../src/lessons/runSettings';
import { chartsShowViews, probeSpacing, type Experiment } from '../../src/lessons/schema';
import { practiceExperiment, readLessons } from '../../test/lessons/headlessLessons';
import { sessionCost, type SessionCost } from '../sessionCost';

/** One experiment or practice on a lesson page, and what training each of its runs costs. */
export interface BlockCost {
  readonly lesson: string;
  readonly kind: 'experiment' | 'practice';
  readonly id: string;
  readonly runs: readonly { readonly label: string; readonly cost: SessionCost }[];
  /** When the last run would finish on an idle machine with `cores` cores (the pool's shares). */
  readonly idleSeconds: number;
}

/**
 * Seconds until every run has done its CPU work `costsMs` when they train together on `cores` idle
 * cores, each at the share of a core the lesson's run pool gives it (src/runs/cpuShare.ts: the page
 * keeps LESSON_RESERVED_CORES, a run that finishes hands its share to the others).
 */
export function idleSeconds(costsMs: readonly number[], cores: number): number {
  const left = [...costsMs];
  let time = 0;
  for (;;) {
    const training = left.filter((ms) => ms > 0).length;
    if (training === 0) return time / 1000;
    const share = cpuShareFor(training, cores, LESSON_RESERVED_CORES);
    const next = Math.min(...left.filter((ms) => ms > 0));
    time += next / share;
    for (let i = 0; i < left.length; i++) if (left[i]! > 0) left[i] = left[i]! - next;
  }
}

/** The experiments and practices (mystery networks aside) of the lessons whose ids or numbers are `wanted`. */
function blocksOf(wanted: readonly string[]) {
  const lessons = readLessons().filter((lesson, index) => {
    const id = lesson.meta?.id ?? '';
    const number = String(index + 1);
    return wanted.length === 0 || wanted.some((w) => w === id || w.replace(/^0/, '') === number);
  });
  return lessons.flatMap((lesson) => {
    const hidden = new Set(
      lesson.segments.flatMap((s) =>
        s.kind === 'practice' && s.data.hidden.length > 0 ? [s.id, s.data.experiment] : [],
      ),
    );
    return lesson.segments.flatMap((segment) => {
      if (!('id' in segment) || hidden.has(segment.id)) return [];
      let experiment: Experiment;
      if (segment.kind === 'experiment') experiment = segment.data;
      else if (segment.kind === 'practice') {
        const base = lesson.segments.find(
          (s) => s.kind === 'experiment' && s.id === segment.data.experiment,
        );
        if (base?.kind !== 'experiment') return [];
        experiment = practiceExperiment(base.data, segment.data);
      } else return [];
      return [
        {
          lesson: lesson.meta?.id ?? lesson.file,
          kind: segment.kind,
          id: segment.id,
          experiment,
        },
      ];
    });
  });
}

/**
 * Every experiment and practice of the lessons (or only those whose ids are `blocks`) trained in Node through the worker's own session loop
 * (the CPU time each run costs with its probes, validation and snapshots), and how long the block
 * would take on an idle `cores`-core machine.
 */
export async function lessonCpuCosts(
  wanted: readonly string[],
  cores: number,
  log: (line: string) => void,
  blocks: readonly string[] = [],
): Promise<BlockCost[]> {
  const out: BlockCost[] = [];
  for (const block of blocksOf(wanted)) {
    if (blocks.length > 0 && !blocks.includes(block.id)) continue;
    log(`CPU cost: ${block.lesson} ${block.kind} ${block.id}`);
    const runs = [];
    for (let r = 0; r < block.experiment.runs.length; r++) {
      const settings = makeCoherent(runSettings(block.experiment, r)).settings;
      const cost = await sessionCost(settings, block.experiment.steps, {
        mode: 'lesson',
        validationEvery: block.experiment.validationEvery,
        views: chartsShowViews(block.experiment.charts),
        probeSpacing: probeSpacing(block.experiment.charts, block.experiment.steps),
      });
      runs.push({ label: block.experiment.runs[r]!.label, cost });
    }
    out.push({
      lesson: block.lesson,
      kind: block.kind,
      id: block.id,
      runs,
      idleSeconds: idleSeconds(
        runs.map((r) => r.cost.totalMs),
        cores,
      ),
    });
  }
  return out;
}
