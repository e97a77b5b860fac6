/**
 * Two records of one learner's progress made into one that holds everything either has: what two
 * tabs saved at once, or an imported file and this browser's progress. Progress only grows: an entry
 * in either is in the result, and where both have one the better record wins (solved over unsolved,
 * the earlier date for something earned).
 */
import type { ChartKind } from '../schema';
import {
  PROGRESS_FIELD_NAMES,
  type OrphanedEntries,
  type Progress,
  type ProgressField,
  type QuizRecord,
} from './schema';

type EntryMerge<T> = (ours: T, theirs: T) => T;

/** How a quiz record ranks: solved first, then solved without peeking, then more answers seen. */
function quizRank(r: QuizRecord): number[] {
  return [r.solved ? 1 : 0, r.firstTryCorrect && !r.revealed ? 1 : 0, r.answers.length];
}

function better(ours: QuizRecord, theirs: QuizRecord): QuizRecord {
  const a = quizRank(ours);
  const b = quizRank(theirs);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? ours : theirs;
  return ours;
}

const earlier = <T extends { readonly at: string }>(ours: T, theirs: T): T =>
  theirs.at < ours.at ? theirs : ours;

/** Everything either record lists, ours first. */
const union = <T>(ours: readonly T[], theirs: readonly T[]): T[] => [
  ...ours,
  ...theirs.filter((c) => !ours.includes(c)),
];

const MERGE_ENTRY: { readonly [F in ProgressField]: EntryMerge<Progress[F][string]> } = {
  quizzes: better,
  experiments: earlier,
  viewedCharts: union<ChartKind>,
  checkpoints: earlier,
  practice: earlier,
  completedLessons: (ours: string, theirs: string) => (theirs < ours ? theirs : ours),
  // A prediction is committed once, before the run: the first one made is the learner's prediction.
  predictions: earlier,
  revealedSettings: union,
};

function mergeRecord<T>(
  ours: Readonly<Record<string, T>>,
  theirs: Readonly<Record<string, T>>,
  entry: EntryMerge<T>,
): Record<string, T> {
  const out: Record<string, T> = { ...ours };
  for (const [key, value] of Object.entries(theirs)) {
    const mine = Object.hasOwn(out, key) ? out[key] : undefined;
    out[key] = mine === undefined ? value : entry(mine, value);
  }
  return out;
}

function mergeOrphans(
  ours: OrphanedEntries | undefined,
  theirs: OrphanedEntries | undefined,
): OrphanedEntries | undefined {
  if (!theirs) return ours;
  if (!ours) return theirs;
  const out: Partial<Record<ProgressField, Readonly<Record<string, unknown>>>> = { ...ours };
  for (const field of PROGRESS_FIELD_NAMES) {
    const add = theirs[field];
    if (add) out[field] = { ...add, ...out[field] };
  }
  return out;
}

/**
 * Everything in `ours` and `theirs`; where both hold an entry, the better one. Fields this code does
 * not know (added by a later change) are taken from `ours`, so nothing is dropped on the way through.
 */
export function mergeProgress(ours: Progress, theirs: Progress): Progress {
  const merged: Record<string, unknown> = { ...theirs, ...ours };
  for (const field of PROGRESS_FIELD_NAMES) {
    merged[field] = mergeRecord(
      ours[field],
      theirs[field],
      MERGE_ENTRY[field] as EntryMerge<unknown>,
    );
  }
  const orphaned = mergeOrphans(ours.orphaned, theirs.orphaned);
  if (orphaned) merged['orphaned'] = orphaned;
  return merged as unknown as Progress;
}
