/**
 * Reads saved progress back (from the browser's storage or an imported file) without ever failing on
 * the learner: each field and each entry is validated on its own, so one damaged answer costs that
 * answer, not the whole course. Whatever had to go is described in plain sentences for a notice.
 */
import type { z } from 'zod';
import type { ProgressCatalog } from './catalog';
import {
  EMPTY_PROGRESS,
  PROGRESS_FIELD_NAMES,
  PROGRESS_FIELDS,
  PROGRESS_VERSION,
  type Progress,
  type ProgressField,
} from './schema';

export type RestoreResult =
  /** `notices` says what was dropped; empty when everything was kept. */
  | { readonly ok: true; readonly progress: Progress; readonly notices: readonly string[] }
  /** Nothing could be used; `reason` completes the sentence "The progress … ". */
  | { readonly ok: false; readonly reason: string };

type Entry<F extends ProgressField> = z.infer<(typeof PROGRESS_FIELDS)[F]['schema']>;

/** Whether a valid entry still refers to something in the current lessons. */
const STILL_EXISTS: {
  readonly [F in ProgressField]: (
    catalog: ProgressCatalog,
    key: string,
    entry: Entry<F>,
  ) => boolean;
} = {
  quizzes: (catalog, key, record) => {
    const shape = catalog.quizzes.get(key);
    return shape !== undefined && record.answers.every((a) => a < shape.choices);
  },
  experiments: (catalog, key) => catalog.experiments.get(key)?.hasClaim === true,
  viewedCharts: (catalog, key, charts) => {
    const shape = catalog.experiments.get(key);
    return shape !== undefined && charts.every((c) => shape.charts.includes(c));
  },
  checkpoints: (catalog, key) => catalog.checkpoints.has(key),
  practice: (catalog, key) => catalog.practice.has(key),
  completedLessons: (catalog, key) => catalog.lessons.has(key),
};

const GONE: Record<ProgressField, (n: number) => string> = {
  quizzes: (n) =>
    `${count(n, 'answer')} to questions that are no longer in the lessons (or whose choices changed) ${n === 1 ? 'was' : 'were'} removed.`,
  experiments: (n) =>
    `${count(n, 'experiment result')} for experiments that are no longer in the lessons ${n === 1 ? 'was' : 'were'} removed.`,
  viewedCharts: (n) =>
    `Viewed charts of ${count(n, 'experiment')} that changed or no longer exist were removed.`,
  checkpoints: (n) =>
    `${count(n, 'checkpoint')} that no longer exist${n === 1 ? 's' : ''} ${n === 1 ? 'was' : 'were'} removed.`,
  practice: (n) =>
    `${count(n, 'practice exercise')} that no longer exist${n === 1 ? 's' : ''} ${n === 1 ? 'was' : 'were'} removed.`,
  completedLessons: (n) =>
    `${count(n, 'completed lesson')} that no longer exist${n === 1 ? 's' : ''} ${n === 1 ? 'was' : 'were'} removed.`,
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function restoreField<F extends ProgressField>(
  field: F,
  raw: unknown,
  catalog: ProgressCatalog,
  notices: string[],
): Record<string, Entry<F>> {
  const { schema, what } = PROGRESS_FIELDS[field];
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    notices.push(`${capitalized(what)} could not be read and were reset.`);
    return {};
  }
  const kept: Record<string, Entry<F>> = {};
  let unreadable = 0;
  let gone = 0;
  for (const [key, value] of Object.entries(raw)) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) unreadable++;
    else if (!STILL_EXISTS[field](catalog, key, parsed.data as Entry<F>)) gone++;
    else kept[key] = parsed.data as Entry<F>;
  }
  if (unreadable > 0)
    notices.push(
      `${unreadable} of the saved ${what} could not be read and ${unreadable === 1 ? 'was' : 'were'} reset.`,
    );
  if (gone > 0) notices.push(GONE[field](gone));
  return kept;
}

/**
 * Progress from saved text. `null` (nothing saved) is an empty start. Unreadable JSON, a value that is
 * not a progress record, or a format version this page does not know cannot be trusted field by
 * field, so they give `ok: false`; otherwise every field and entry that is valid and still refers to
 * the lessons is kept.
 */
export function restoreProgress(text: string | null, catalog: ProgressCatalog): RestoreResult {
  if (text === null) return { ok: true, progress: EMPTY_PROGRESS, notices: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not readable (it is not valid JSON)' };
  }
  if (!isRecord(raw)) return { ok: false, reason: 'is not a normlab progress record' };
  const notices: string[] = [];
  const version = raw['version'];
  if (version === undefined) {
    // Saved before records carried a version: the fields have the same meaning, so keep what validates.
    if (!PROGRESS_FIELD_NAMES.some((f) => f in raw))
      return { ok: false, reason: 'is not a normlab progress record' };
    notices.push(
      'The saved progress had no format version; everything that could be read was kept.',
    );
  } else if (version !== PROGRESS_VERSION) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > 1;
    return {
      ok: false,
      reason: newer
        ? `was saved by a newer version of normlab (format ${version}); this page reads format ${PROGRESS_VERSION}`
        : `has an unknown format version (${JSON.stringify(version).slice(0, 40)})`,
    };
  }
  const progress: Progress = {
    version: PROGRESS_VERSION,
    quizzes: restoreField('quizzes', raw['quizzes'], catalog, notices),
    experiments: restoreField('experiments', raw['experiments'], catalog, notices),
    viewedCharts: restoreField('viewedCharts', raw['viewedCharts'], catalog, notices),
    checkpoints: restoreField('checkpoints', raw['checkpoints'], catalog, notices),
    practice: restoreField('practice', raw['practice'], catalog, notices),
    completedLessons: restoreField('completedLessons', raw['completedLessons'], catalog, notices),
  };
  return { ok: true, progress, notices };
}

/** The text saved and exported: stable key order, readable when opened. */
export function serializeProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}
