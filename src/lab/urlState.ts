import { z } from '../engine/zod';
import { makeCoherent } from './coherence';
import {
  DEFAULT_RUN_SETTINGS,
  MAX_RUNS,
  RUN_LETTERS,
  type LabRunSettings,
  type SettingKey,
} from './labSettings';
import { SETTING_KEYS, SETTINGS } from './settingsRegistry';
import { parseStopAt, STOP_PARAM, STOP_UNIT_PARAM, type StopAt } from './stopAt';
import { formatCount } from './formatNumber';

/**
 * The Lab's state in the URL hash, as readable query parameters:
 *
 *   #/lab?runs=2&a.data=spiral&a.norm=none&…&a.lr=0.1&b.norm=batchNorm
 *
 * Run A lists every setting, so a link means the same thing even if the defaults change later. Runs B–D
 * list only what differs from A (a run with no parameters is a copy of A), which keeps links short and
 * says at a glance what each comparison is about. `runs` gives the number of runs when it is more than 1.
 *
 * Parsing never fails: every invalid value falls back (to the default for A, to A's value for B–D) and
 * is reported as a notice the page shows. It takes time linear in the link's length, and a link longer
 * than MAX_LINK_QUERY_LENGTH is not read at all (a notice says so), since the Lab never writes one
 * longer than about 2 KB (four runs, every setting of A).
 */

export const LAB_ROUTE = '#/lab';

export interface UrlNotice {
  /** The offending parameter, e.g. 'b.lr'. */
  readonly param: string;
  /** A sentence for the learner: "b.lr=abc is not a number from 0.0001 to 10; used 0.1". */
  readonly message: string;
  /** Set on the last notice when decodeLab stopped listing: how many more problems it counted. */
  readonly more?: number;
}

/** The longest query (in characters) decodeLab reads; the Lab's own links stay under 2 KB. */
export const MAX_LINK_QUERY_LENGTH = 8192;
/** decodeLab lists at most this many notices, then counts the rest (a link can hold thousands). */
export const MAX_LISTED_NOTICES = 20;
/** A setting's value longer than this is refused without parsing (none is valid above 20). */
const MAX_VALUE_LENGTH = 64;

export interface DecodedLab {
  readonly runs: LabRunSettings[];
  /** Where every run stops by itself (stopAt.ts), or null to train until paused. */
  readonly stopAt: StopAt | null;
  readonly notices: UrlNotice[];
}

const KEY_BY_PARAM = new Map<string, SettingKey>(
  SETTING_KEYS.map((key) => [SETTINGS[key].param, key]),
);
const KNOWN_PARAMS = SETTING_KEYS.map((key) => SETTINGS[key].param).join(', ');

/**
 * Parameters of the view beside the runs (presenter mode, panels, log scale, smoothing, a classroom
 * link's controls), read by src/ui/lab/labViewUrl.ts: decodeLab passes over them.
 */
export const VIEW_PARAMS: ReadonlySet<string> = new Set([
  'present',
  'panels',
  'log',
  'smooth',
  'show',
]);

const runsSchema = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1));

function letterOf(index: number): string {
  return (RUN_LETTERS[index] ?? '?').toLowerCase();
}

/** Notices in order, the first MAX_LISTED_NOTICES kept and the rest only counted. */
class NoticeList {
  private readonly listed: UrlNotice[] = [];
  private unlisted = 0;

  push(notice: UrlNotice): void {
    if (this.listed.length < MAX_LISTED_NOTICES) this.listed.push(notice);
    else this.unlisted++;
  }

  done(): UrlNotice[] {
    if (this.unlisted === 0) return this.listed;
    const more = this.unlisted;
    return [
      ...this.listed,
      {
        param: '',
        message: `and ${formatCount(more)} more problem${more === 1 ? '' : 's'} with this link`,
        more,
      },
    ];
  }
}

/** How many problems these notices stand for (a final `more` notice counts for its number). */
export function countUrlProblems(notices: readonly UrlNotice[]): number {
  return notices.reduce((sum, n) => sum + (n.more ?? 1), 0);
}

function show(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function withSetting<K extends SettingKey>(
  s: LabRunSettings,
  key: K,
  value: LabRunSettings[K],
): LabRunSettings {
  return { ...s, [key]: value };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseSetting<K extends SettingKey>(key: K, text: string): Parsed<LabRunSettings[K]> {
  if (text.length > MAX_VALUE_LENGTH) {
    return { ok: false, error: `is not ${SETTINGS[key].allowed}` };
  }
  const result = SETTINGS[key].schema.safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    error: result.error.issues[0]?.message ?? `is not ${SETTINGS[key].allowed}`,
  };
}

/**
 * The query string (without `#/lab?`) for these runs. `short` leaves out run A's settings that equal
 * today's defaults too: a link for the room, read on the spot, where a few dozen characters matter
 * more than surviving a later change of defaults (decodeLab fills them in from the defaults).
 */
export function encodeLab(
  runs: readonly LabRunSettings[],
  { short = false }: { short?: boolean } = {},
): string {
  const baseline = runs[0];
  if (!baseline) return '';
  const parts: string[] = [];
  if (runs.length > 1) parts.push(`runs=${runs.length}`);
  runs.forEach((run, i) => {
    for (const key of SETTING_KEYS) {
      if (i > 0 && run[key] === baseline[key]) continue;
      if (i === 0 && short && run[key] === DEFAULT_RUN_SETTINGS[key]) continue;
      parts.push(`${letterOf(i)}.${SETTINGS[key].param}=${encodeURIComponent(String(run[key]))}`);
    }
  });
  return parts.join('&');
}

export function labHash(
  runs: readonly LabRunSettings[],
  options: { short?: boolean } = {},
): string {
  const query = encodeLab(runs, options);
  return query === '' ? LAB_ROUTE : `${LAB_ROUTE}?${query}`;
}

/** The query part of a hash route: '#/lab?a.lr=0.1' → 'a.lr=0.1'. */
export function queryOfHash(hash: string): string {
  const start = hash.indexOf('?');
  return start < 0 ? '' : hash.slice(start + 1);
}

/** Reads the runs from a link's query string. Never throws: what it cannot use, it reports. */
export function decodeLab(query: string): DecodedLab {
  if (query.length > MAX_LINK_QUERY_LENGTH) {
    const kb = formatCount(Math.ceil(query.length / 1024));
    return {
      runs: [DEFAULT_RUN_SETTINGS],
      stopAt: null,
      notices: [
        {
          param: '',
          message: `This link is ${kb} KB long, and the Lab reads links of at most ${MAX_LINK_QUERY_LENGTH / 1024} KB (its own are under 2 KB), so it was not read; used the default settings`,
        },
      ],
    };
  }
  const notices = new NoticeList();
  const perRun = Array.from({ length: MAX_RUNS }, () => new Map<SettingKey, string>());
  const seen = new Set<string>();
  const stopTexts = new Map<string, string>();
  let requestedRuns = 0;

  for (const [rawParam, text] of new URLSearchParams(query)) {
    const trimmed = rawParam.trim();
    if (trimmed === '') continue;
    // Run letters are read in either case, so `A.lr` and `a.lr` are the same parameter.
    const param = /^[a-z]\./i.test(trimmed)
      ? `${trimmed.charAt(0).toLowerCase()}${trimmed.slice(1)}`
      : trimmed;
    if (VIEW_PARAMS.has(param)) continue;
    if (seen.has(param)) {
      notices.push({
        param,
        message: `${show(param)} appears more than once; used the first value`,
      });
      continue;
    }
    seen.add(param);
    if (param === 'runs') {
      const result = runsSchema.safeParse(text.trim());
      if (!result.success) {
        notices.push({
          param,
          message: `runs=${show(text)} is not a whole number from 1 to ${MAX_RUNS}; ignored`,
        });
      } else if (result.data > MAX_RUNS) {
        notices.push({
          param,
          message: `runs=${result.data}: the Lab holds at most ${MAX_RUNS} runs (A–D); used ${MAX_RUNS}`,
        });
        requestedRuns = MAX_RUNS;
      } else {
        requestedRuns = result.data;
      }
      continue;
    }
    if (param === STOP_PARAM || param === STOP_UNIT_PARAM) {
      stopTexts.set(param, text);
      continue;
    }
    const match = /^([a-z])\.(.+)$/i.exec(param);
    const key = match?.[2] === undefined ? undefined : KEY_BY_PARAM.get(match[2]);
    if (!match?.[1] || key === undefined) {
      notices.push({
        param,
        message: `${show(param)} is not a Lab setting (settings are a.<name> … d.<name>, with name one of ${KNOWN_PARAMS}); ignored`,
      });
      continue;
    }
    const index = match[1].toLowerCase().charCodeAt(0) - 'a'.charCodeAt(0);
    const target = perRun[index];
    if (!target) {
      notices.push({
        param,
        message: `${show(param)}: the Lab holds at most ${MAX_RUNS} runs (a to d); ignored`,
      });
      continue;
    }
    target.set(key, text);
  }

  const lastWithSettings = perRun.reduce((last, values, i) => (values.size > 0 ? i : last), 0);
  const count = Math.max(1, requestedRuns, lastWithSettings + 1);
  const runs: LabRunSettings[] = [];
  for (let i = 0; i < count; i++) {
    const letter = letterOf(i);
    const base = runs[0] ?? DEFAULT_RUN_SETTINGS;
    let settings = base;
    for (const [key, text] of perRun[i] ?? []) {
      const parsed = parseSetting(key, text);
      const param = `${letter}.${SETTINGS[key].param}`;
      if (parsed.ok) settings = withSetting(settings, key, parsed.value);
      else {
        notices.push({
          param,
          message: `${param}=${show(text)} ${parsed.error}; used ${String(base[key])}`,
        });
      }
    }
    const coherent = makeCoherent(settings);
    for (const fix of coherent.fixes) {
      const param = `${letter}.${SETTINGS[fix.key].param}`;
      notices.push({
        param,
        message: `${param}=${String(settings[fix.key])} cannot be used: ${fix.reason}; used ${String(coherent.settings[fix.key])}`,
      });
    }
    runs.push(coherent.settings);
  }
  const stop = parseStopAt(stopTexts.get(STOP_PARAM), stopTexts.get(STOP_UNIT_PARAM));
  for (const problem of stop.problems) notices.push(problem);
  return { runs, stopAt: stop.stopAt, notices: notices.done() };
}
