import { RUN_LETTERS } from '../lab/labSettings';
import { decodeLab, LAB_ROUTE, queryOfHash } from '../lab/urlState';
import { parseLesson } from '../lessons/parseLesson';
import { runSettings } from '../lessons/runSettings';
import { exportSetupOf, type ExportSetup } from './exportSetup';

/**
 * What the command-line tools accept as "a run": a Lab link (any URL or hash containing `#/lab`)
 * with a run letter, or a lesson experiment named `<lesson file>#<experiment id>` with the index of
 * one of its runs (b = the second). Errors are sentences that say what was wrong and what is allowed.
 */
export class RunReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunReferenceError';
  }
}

/** 'a'…'d' → 0…3. */
export function runIndexOf(letter: string): number {
  const index = RUN_LETTERS.findIndex((l) => l.toLowerCase() === letter.trim().toLowerCase());
  if (index < 0) {
    throw new RunReferenceError(
      `--run ${letter} is not a run letter; use one of ${RUN_LETTERS.join(', ').toLowerCase()}`,
    );
  }
  return index;
}

export function resolveRunReference(
  reference: string,
  runIndex: number,
  readLesson: (file: string) => string,
): ExportSetup {
  const letter = RUN_LETTERS[runIndex] ?? '?';
  const hashAt = reference.indexOf(LAB_ROUTE);
  if (hashAt >= 0) {
    const { runs, notices } = decodeLab(queryOfHash(reference.slice(hashAt)));
    if (notices.length > 0) {
      throw new RunReferenceError(
        `The Lab link has settings the app would replace, so an export would not be the run it names:\n${notices.map((n) => `  ${n.message}`).join('\n')}`,
      );
    }
    const settings = runs[runIndex];
    if (!settings) {
      throw new RunReferenceError(
        `The Lab link describes ${runs.length} run${runs.length === 1 ? '' : 's'} (${RUN_LETTERS.slice(0, runs.length).join(', ')}); there is no run ${letter}`,
      );
    }
    return exportSetupOf(settings, { title: `Lab run ${letter}`, link: reference });
  }
  const match = /^(.+\.md)#([a-z0-9-]+)$/.exec(reference.trim());
  if (!match) {
    throw new RunReferenceError(
      `'${reference}' is neither a Lab link (containing ${LAB_ROUTE}?…) nor a lesson experiment (<lesson file>#<experiment id>, such as lessons/03-batch-normalization.md#bn-vs-plain)`,
    );
  }
  const [, file, id] = match as unknown as [string, string, string];
  let text: string;
  try {
    text = readLesson(file);
  } catch (error) {
    throw new RunReferenceError(`Could not read the lesson file ${file}: ${String(error)}`);
  }
  const lesson = parseLesson(text, file);
  const experiments = lesson.segments.filter((s) => s.kind === 'experiment');
  const experiment = experiments.find((s) => s.id === id);
  if (!experiment || experiment.kind !== 'experiment') {
    throw new RunReferenceError(
      `${file} has no experiment '${id}'; its experiments are ${experiments.map((s) => ('id' in s ? s.id : '')).join(', ') || 'none'}`,
    );
  }
  const data = experiment.data;
  const run = data.runs[runIndex];
  if (!run) {
    throw new RunReferenceError(
      `Experiment '${id}' has ${data.runs.length} run${data.runs.length === 1 ? '' : 's'} (${data.runs.map((r, i) => `${RUN_LETTERS[i]?.toLowerCase()}: ${r.label}`).join(', ')}); there is no run ${letter.toLowerCase()}`,
    );
  }
  const settings = runSettings(data, runIndex);
  const lessonTitle = lesson.meta?.title ?? file;
  return exportSetupOf(settings, {
    title: `${lessonTitle}: ${data.title}, run "${run.label}"`,
    steps: data.steps,
    validationEvery: data.validationEvery,
  });
}
