/**
 * Reads saved progress back (from the browser's storage or an imported file) without ever failing on
 * the learner: each field and each entry is validated on its own, so one damaged answer costs that
 * answer, not the whole course. Entries whose lesson or block is gone are kept aside (`orphaned`),
 * not deleted, and come back when the lesson does; renamed lessons and blocks are followed through
 * their `formerIds`. Whatever changed is described in plain sentences for a notice.
 */
import type { z } from '../../engine/zod';
import type { PredictionShape, ProgressCatalog, QuizShape } from './catalog';
import {
  EMPTY_PROGRESS,
  PROGRESS_FIELD_NAMES,
  PROGRESS_FIELDS,
  PROGRESS_VERSION,
  type OrphanedEntries,
  type PredictionChoiceRecord,
  type PredictionRecord,
  type Progress,
  type ProgressField,
  type QuizRecord,
} from './schema';
import { formatCount } from '../../lab/formatNumber';

export type RestoreResult =
  /** `notices` says what was dropped or changed; empty when everything was kept as it was. */
  | { readonly ok: true; readonly progress: Progress; readonly notices: readonly string[] }
  /** Nothing could be used; `reason` completes the sentence "The progress … ". */
  | { readonly ok: false; readonly reason: string };

type Entry<F extends ProgressField> = z.infer<(typeof PROGRESS_FIELDS)[F]['schema']>;

/** A progress key: lesson id, then block ids, joined by '/'. Anything else is not ours. */
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*){0,2}$/;
/** Orphaned entries kept per field, so a record cannot grow without bound across lesson edits. */
const MAX_ORPHANS_PER_FIELD = 500;

/** Whether a valid entry still refers to something in the current lessons. */
const STILL_EXISTS: {
  readonly [F in ProgressField]: (
    catalog: ProgressCatalog,
    key: string,
    entry: Entry<F>,
  ) => boolean;
} = {
  quizzes: (catalog, key) => catalog.quizzes.has(key),
  experiments: (catalog, key) => catalog.experiments.get(key)?.hasClaim === true,
  viewedCharts: (catalog, key, charts) => {
    const shape = catalog.experiments.get(key);
    return shape !== undefined && charts.every((c) => shape.charts.includes(c));
  },
  checkpoints: (catalog, key) => catalog.checkpoints.has(key),
  practice: (catalog, key) => catalog.practice.has(key),
  completedLessons: (catalog, key) => catalog.lessons.has(key),
  revealedSettings: (catalog, key, revealed) => {
    const hidden = catalog.mysteries.get(key);
    return hidden !== undefined && revealed.every((k) => hidden.includes(k));
  },
  predictions: (catalog, key, record) => {
    const shape = catalog.predictions.get(key);
    if (!shape) return false;
    // A choice is followed to where it is now by `followPredictionChoice`.
    return 'choice' in record
      ? shape.fingerprints.length > 0
      : shape.slider !== undefined &&
          record.value >= shape.slider.min &&
          record.value <= shape.slider.max;
  },
};

const GONE: Record<ProgressField, (n: number) => string> = {
  quizzes: (n) => `${count(n, 'answer')} to questions that are no longer in the lessons`,
  experiments: (n) => `${count(n, 'experiment result')} for experiments no longer in the lessons`,
  viewedCharts: (n) => `viewed charts of ${count(n, 'experiment')} that changed or no longer exist`,
  checkpoints: (n) => `${count(n, 'checkpoint')} no longer in the lessons`,
  practice: (n) => `${count(n, 'practice exercise')} no longer in the lessons`,
  completedLessons: (n) => `${count(n, 'completed lesson')} no longer in the track`,
  predictions: (n) => `${count(n, 'prediction')} for predictions no longer in the lessons`,
  revealedSettings: (n) =>
    `revealed settings of ${count(n, 'mystery network')} that changed or no longer exist`,
};

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (
    a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i])
  );
}

function count(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Says what a value is without serializing it (a deeply nested value must not overflow the stack). */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 20));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a value of type ${typeof value}`;
}

/**
 * Where choice `i` of the choices `old` (by fingerprint) is among the choices `now`: found by its
 * fingerprint when it was moved, or at the same place when it was reworded in place (the count of
 * choices is the same and nothing took its fingerprint); undefined when it is gone.
 */
function placeChoice(
  old: readonly string[],
  i: number,
  now: readonly string[],
): number | undefined {
  const fp = old[i];
  if (fp === undefined) return undefined;
  const found = now.indexOf(fp);
  if (found >= 0) return found;
  const reworded = old.length === now.length && !old.includes(now[i] ?? '');
  return reworded ? i : undefined;
}

/**
 * Where a prediction's choice is after a lesson edit (with the current fingerprints), or undefined
 * when the choice it named is gone. A record saved without fingerprints is matched by index.
 */
export function followPredictionChoice(
  record: PredictionChoiceRecord,
  shape: PredictionShape,
): PredictionChoiceRecord | undefined {
  const now = shape.fingerprints;
  const choice =
    record.choices === undefined
      ? record.choice < now.length
        ? record.choice
        : undefined
      : placeChoice(record.choices, record.choice, now);
  return choice === undefined ? undefined : { ...record, choice, choices: [...now] };
}

/** Where a quiz's answers point after a lesson edit, or why the record can no longer be used. */
type QuizVerdict =
  | { readonly kind: 'same' | 'moved'; readonly record: QuizRecord }
  | { readonly kind: 'correctChanged' }
  | { readonly kind: 'unmatched' };

/**
 * Follows each answered choice to where it is now: by fingerprint when the choice was moved, by
 * position when it was reworded in place (the count of choices is the same and nothing took its
 * fingerprint). A solved question whose correct choice is no longer the one the learner solved is
 * `correctChanged`: it is open again, and the learner is told.
 */
export function followQuizChoices(record: QuizRecord, shape: QuizShape): QuizVerdict {
  const current = (record: QuizRecord): QuizRecord => ({
    ...record,
    choices: [...shape.fingerprints],
    correct: shape.correct,
  });
  const old = record.choices;
  if (old === undefined) {
    // Saved before fingerprints: only the indices are known.
    if (!record.answers.every((a) => a < shape.choices)) return { kind: 'unmatched' };
    return { kind: 'moved', record: current(record) };
  }
  const place = (i: number): number | undefined => placeChoice(old, i, shape.fingerprints);
  if (record.solved && record.correct !== undefined && place(record.correct) !== shape.correct)
    return { kind: 'correctChanged' };
  const answers = record.answers.map(place);
  if (answers.some((a) => a === undefined)) return { kind: 'unmatched' };
  const moved = current({ ...record, answers: answers as number[] });
  const same =
    old.length === shape.fingerprints.length &&
    old.every((fp, i) => fp === shape.fingerprints[i]) &&
    record.correct === shape.correct;
  return { kind: same ? 'same' : 'moved', record: moved };
}

interface FieldResult<F extends ProgressField> {
  readonly kept: Record<string, Entry<F>>;
  readonly orphaned: Record<string, unknown>;
  /** Whether anything differs from the saved text (so it should be saved again). */
  readonly changed: boolean;
}

function restoreField<F extends ProgressField>(
  field: F,
  raw: unknown,
  savedOrphans: unknown,
  catalog: ProgressCatalog,
  notices: string[],
): FieldResult<F> {
  const { schema, what } = PROGRESS_FIELDS[field];
  const kept: Record<string, Entry<F>> = {};
  const orphaned: Record<string, unknown> = {};
  let changed = false;
  let unreadable = 0;
  let newlyOrphaned = 0;
  const correctChanged: string[] = [];

  const place = (savedKey: string, value: unknown, fromOrphans: boolean): void => {
    if (!KEY.test(savedKey)) {
      unreadable++;
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      unreadable++;
      return;
    }
    let entry = parsed.data as Entry<F>;
    const key = catalog.aliases.get(savedKey) ?? savedKey;
    if (key !== savedKey) changed = true;
    const orphan = (): void => {
      if (Object.hasOwn(orphaned, savedKey)) return;
      if (Object.keys(orphaned).length >= MAX_ORPHANS_PER_FIELD) {
        changed = true;
        return;
      }
      orphaned[savedKey] = entry;
      if (!fromOrphans) {
        newlyOrphaned++;
        changed = true;
      }
    };
    if (!STILL_EXISTS[field](catalog, key, entry)) return orphan();
    if (field === 'quizzes') {
      const shape = catalog.quizzes.get(key);
      if (!shape) return orphan();
      const verdict = followQuizChoices(entry as QuizRecord, shape);
      if (verdict.kind === 'unmatched') return orphan();
      if (verdict.kind === 'correctChanged') {
        if (!fromOrphans) {
          correctChanged.push(shape.label);
          changed = true;
        }
        if (!Object.hasOwn(orphaned, savedKey)) orphaned[savedKey] = entry;
        return;
      }
      if (Object.hasOwn(kept, key)) {
        if (fromOrphans) orphaned[savedKey] = entry;
        return;
      }
      if (verdict.kind === 'moved') changed = true;
      entry = verdict.record as Entry<F>;
    }
    if (field === 'predictions' && 'choice' in (entry as PredictionRecord)) {
      const record = entry as PredictionChoiceRecord;
      const followed = followPredictionChoice(record, catalog.predictions.get(key)!);
      if (!followed) return orphan();
      if (followed.choice !== record.choice || !sameList(followed.choices, record.choices))
        changed = true;
      entry = followed as Entry<F>;
    }
    if (Object.hasOwn(kept, key)) {
      // The current lessons already have an entry here; an older one stays aside, the rest is a duplicate.
      if (fromOrphans) orphaned[savedKey] = entry;
      return;
    }
    kept[key] = entry;
    if (fromOrphans) changed = true;
  };

  if (raw !== undefined && !isRecord(raw)) {
    notices.push(`${capitalized(what)} could not be read and were reset.`);
    changed = true;
  } else if (raw !== undefined) {
    for (const [key, value] of Object.entries(raw)) place(key, value, false);
  }
  if (isRecord(savedOrphans)) {
    for (const [key, value] of Object.entries(savedOrphans)) place(key, value, true);
  }
  if (unreadable > 0) {
    changed = true;
    notices.push(
      `${formatCount(unreadable)} of the saved ${what} could not be read and ${unreadable === 1 ? 'was' : 'were'} left out.`,
    );
  }
  if (newlyOrphaned > 0)
    notices.push(
      `${capitalized(GONE[field](newlyOrphaned))} ${newlyOrphaned === 1 ? 'is' : 'are'} kept aside in your saved progress (and in exports), and will count again if ${newlyOrphaned === 1 ? 'it comes' : 'they come'} back.`,
    );
  if (correctChanged.length > 0) {
    const shown = correctChanged.slice(0, 3).join(', ');
    const more = correctChanged.length > 3 ? ` and ${correctChanged.length - 3} more` : '';
    notices.push(
      `A lesson update changed the correct answer of ${correctChanged.length === 1 ? 'a question' : `${correctChanged.length} questions`} you had solved: ${shown}${more}. ${correctChanged.length === 1 ? 'It is' : 'They are'} open to answer again; checkpoints you earned stay earned.`,
    );
  }
  return { kept, orphaned, changed };
}

/** The result of reading a record, with whether it should be saved again in its updated form. */
export type Restored = RestoreResult & { readonly changed?: boolean };

/**
 * Progress from saved text. `null` (nothing saved) is an empty start. Unreadable JSON, a value that is
 * not a progress record, or a format version this page does not know cannot be trusted field by
 * field, so they give `ok: false`; otherwise every valid entry is kept, and those that no longer refer
 * to the lessons are kept aside in `orphaned`. Never throws.
 */
export function restoreProgress(text: string | null, catalog: ProgressCatalog): Restored {
  try {
    return restoreText(text, catalog);
  } catch (error) {
    // Nothing above is meant to throw; if an engine's limits are reached (stack, memory), say so.
    const what = error instanceof Error ? error.name : 'an error';
    return { ok: false, reason: `could not be read (${what} while reading it)` };
  }
}

function restoreText(text: string | null, catalog: ProgressCatalog): Restored {
  if (text === null) return { ok: true, progress: EMPTY_PROGRESS, notices: [], changed: false };
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
    if (!PROGRESS_FIELD_NAMES.some((f) => isRecord(raw[f])))
      return { ok: false, reason: 'is not a normlab progress record' };
    notices.push(
      'The saved progress had no format version; everything that could be read was kept.',
    );
  } else if (version !== PROGRESS_VERSION) {
    const newer =
      typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_VERSION;
    return {
      ok: false,
      reason: newer
        ? `was saved by a newer version of normlab (format ${version}); this page reads format ${PROGRESS_VERSION}`
        : `has an unknown format version (${describe(version)})`,
    };
  }
  const savedOrphans = isRecord(raw['orphaned']) ? raw['orphaned'] : {};
  const fields: Record<string, unknown> = {};
  const orphaned: Record<string, Record<string, unknown>> = {};
  let changed = version === undefined;
  for (const field of PROGRESS_FIELD_NAMES) {
    const result = restoreField(field, raw[field], savedOrphans[field], catalog, notices);
    fields[field] = result.kept;
    if (Object.keys(result.orphaned).length > 0) orphaned[field] = result.orphaned;
    changed ||= result.changed;
  }
  const progress = {
    ...EMPTY_PROGRESS,
    ...fields,
    ...(Object.keys(orphaned).length > 0 && { orphaned: orphaned as OrphanedEntries }),
  } as Progress;
  if (version === undefined && countEntries(progress) === 0)
    return { ok: false, reason: 'holds no progress this page can use' };
  return { ok: true, progress, notices, changed };
}

/** How many answers, results and completions a record holds (orphaned entries not counted). */
export function countEntries(progress: Progress): number {
  return PROGRESS_FIELD_NAMES.reduce((sum, f) => sum + Object.keys(progress[f]).length, 0);
}

/** The text saved and exported: stable key order, readable when opened. */
export function serializeProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}
