import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabRunSettings, SettingKey } from '../../src/lab/labSettings';
import { AFTER_TRAINING_BUTTONS } from '../../src/lessons/afterTrainingButtons';
import { afterTrainingRequests } from '../../src/lessons/afterTrainingRequests';
import { parseLesson } from '../../src/lessons/parseLesson';
import type { AfterTrainingOperations } from '../../src/lessons/schema';
import { afterTrainingOperation } from '../../src/worker/protocol';

/** One thing a learner trains on a lesson page: an experiment, or a practice done as its task says. */
export interface TrainedBlock {
  readonly kind: 'experiment' | 'practice';
  readonly id: string;
  readonly title: string;
  /** Whether the block judges a claim (every practice does; an experiment may only show charts). */
  readonly hasClaim: boolean;
  /** Buttons pressed once the runs have trained, as the claim needs (Fold BatchNorm, Average weights and recalibrate, …). */
  readonly afterTraining: readonly string[];
  /** The settings the practice's task asks for, by run label. */
  readonly requireSettings: readonly {
    readonly run: string;
    readonly settings: Partial<LabRunSettings>;
  }[];
}

export interface BenchLesson {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly TrainedBlock[];
  /**
   * Mystery networks (a practice with hidden settings, and its experiment): the lesson page shows
   * only a link that opens them in the Lab, so they are not trained here.
   */
  readonly inTheLab: readonly string[];
}

/** Every lesson of lessons/*.md with the experiments and practices on its page, in page order. */
export function readBenchLessons(dir: string): BenchLesson[] {
  return readdirSync(dir)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const lesson = parseLesson(readFileSync(file, 'utf8'), file);
      if (!lesson.meta || lesson.issues.length > 0) {
        throw new Error(`${file} does not parse: run npm run lessons:check`);
      }
      const mysteries = lesson.segments.flatMap((s) =>
        s.kind === 'practice' && s.data.hidden.length > 0 ? [s] : [],
      );
      const inTheLab = new Set(mysteries.flatMap((m) => [m.id, m.data.experiment]));
      const blocks: TrainedBlock[] = [];
      for (const segment of lesson.segments) {
        if ('id' in segment && inTheLab.has(segment.id)) continue;
        if (segment.kind === 'experiment') {
          const e = segment.data;
          blocks.push({
            kind: 'experiment',
            id: segment.id,
            title: e.title,
            hasClaim: e.claim !== undefined,
            afterTraining: afterTrainingButtons(e.afterTraining),
            requireSettings: [],
          });
        } else if (segment.kind === 'practice') {
          const p = segment.data;
          const experiment = lesson.segments.find(
            (s) => s.kind === 'experiment' && s.id === p.experiment,
          );
          const after =
            experiment?.kind === 'experiment' ? experiment.data.afterTraining : undefined;
          blocks.push({
            kind: 'practice',
            id: segment.id,
            title: p.title,
            hasClaim: true,
            afterTraining: afterTrainingButtons(after),
            requireSettings: p.requireSettings.map((r) => ({ run: r.run, settings: r.settings })),
          });
        }
      }
      return {
        file: name,
        id: lesson.meta.id,
        title: lesson.meta.title,
        blocks,
        inTheLab: mysteries.map((m) => m.id),
      };
    });
}

/** The settings a practice asks for, one control at a time. */
export function requiredControls(
  block: TrainedBlock,
): { readonly run: string; readonly key: SettingKey; readonly value: unknown }[] {
  return block.requireSettings.flatMap((r) =>
    Object.entries(r.settings)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ({ run: r.run, key: key as SettingKey, value })),
  );
}

/** The after-training buttons of an experiment, in the order the lesson page shows them. */
function afterTrainingButtons(operations: AfterTrainingOperations | undefined): string[] {
  if (operations === undefined) return [];
  return afterTrainingRequests(operations).map(
    (request) => AFTER_TRAINING_BUTTONS[afterTrainingOperation(request)],
  );
}
