/**
 * Parses one lesson file into front matter and a list of segments (Markdown prose and typed blocks).
 * It never throws: every problem becomes an issue with the file, the line and what is wrong, and a
 * broken block becomes an 'invalid' segment so the page can show an error box in its place while the
 * rest of the lesson still renders. The build and the tests treat any issue as fatal.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from '../engine/zod';
import { claimRunLabels, type Claim } from './claims';
import {
  BLOCK_KINDS,
  blockSchemas,
  formerIdsSchema,
  frontMatterSchema,
  NOTED_BLOCK_KINDS,
  notesSchema,
  type BlockKind,
  type Checkpoint,
  type Experiment,
  type LessonFrontMatter,
  type Practice,
  type Prediction,
  type Quiz,
  type Widget,
} from './schema';
import { runSettings } from './runSettings';
import { makeCoherent } from '../lab/coherence';
import type { LabRunSettings, SettingKey } from '../lab/labSettings';
import { settingValueLabel } from '../lab/settingsRegistry';
import type { LessonIssue } from './lessonIssue';

export type { LessonIssue };

interface BlockBase {
  readonly id: string;
  readonly line: number;
  /** Ids this block had before (`formerIds:` in its body), so learners' progress follows a rename. */
  readonly formerIds?: readonly string[];
  /** Speaker notes for the block's scene in a lecture deck (`notes:` in its body). */
  readonly notes?: string;
}

export type Segment =
  | { readonly kind: 'markdown'; readonly text: string; readonly line: number }
  | (BlockBase & { readonly kind: 'experiment'; readonly data: Experiment })
  | (BlockBase & { readonly kind: 'widget'; readonly data: Widget })
  | (BlockBase & { readonly kind: 'quiz'; readonly data: Quiz })
  | (BlockBase & { readonly kind: 'checkpoint'; readonly data: Checkpoint })
  | (BlockBase & { readonly kind: 'practice'; readonly data: Practice })
  | (BlockBase & { readonly kind: 'prediction'; readonly data: Prediction })
  | {
      readonly kind: 'invalid';
      readonly blockKind: string;
      readonly id: string;
      readonly line: number;
      readonly message: string;
    };

export type BlockSegment = Exclude<Segment, { kind: 'markdown' } | { kind: 'invalid' }>;

export interface ParsedLesson {
  readonly file: string;
  /** Undefined when the front matter is missing or invalid (see issues). */
  readonly meta: LessonFrontMatter | undefined;
  readonly segments: readonly Segment[];
  readonly issues: readonly LessonIssue[];
}

const OPEN = /^:::([A-Za-z]+)(?:[ \t]+(\S+))?[ \t]*$/;
const CLOSE = /^:::[ \t]*$/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Formats zod issues as "field.path: message" (path relative to the block). */
function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((i) =>
    i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
}

function parseYamlAt(
  source: string,
  firstLine: number,
  issue: (line: number, message: string) => void,
): unknown {
  try {
    const value = parseYaml(source) as unknown;
    for (const text of controlledTexts(value)) {
      const code = CONTROL_CHARACTER.exec(text)![0].charCodeAt(0);
      issue(
        firstLine,
        `the text "${text.slice(0, 60).replace(new RegExp(CONTROL_CHARACTER.source, 'g'), '�')}" contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}: in a double-quoted YAML string a backslash starts an escape (\\a is a bell, \\b a backspace), so TeX such as \\approx breaks; put such text in single quotes or a block scalar (|)`,
      );
    }
    return value;
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = firstLine + (e.linePos?.[0].line ?? 1) - 1;
      issue(line, `YAML: ${e.message.split('\n')[0]}`);
    } else {
      issue(firstLine, `YAML: ${(e as Error).message}`);
    }
    return undefined;
  }
}

/** A control character other than tab and newline: in lesson text, the trace of a YAML escape. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Every string in a parsed YAML value that contains a control character other than tab and newline. */
function controlledTexts(value: unknown): string[] {
  if (typeof value === 'string') {
    return CONTROL_CHARACTER.test(value) ? [value] : [];
  }
  if (Array.isArray(value)) return value.flatMap(controlledTexts);
  if (value !== null && typeof value === 'object')
    return Object.values(value).flatMap(controlledTexts);
  return [];
}

export function parseLesson(source: string, file: string): ParsedLesson {
  const issues: LessonIssue[] = [];
  const issue = (line: number, message: string) => issues.push({ file, line, message });
  const lines = source.replace(/\r\n?/g, '\n').split('\n');

  // Front matter: the file starts with a line '---' and the YAML ends at the next '---'.
  let meta: LessonFrontMatter | undefined;
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end < 0) {
      issue(1, 'front matter: no closing --- line');
      i = lines.length;
    } else {
      const raw = parseYamlAt(lines.slice(1, end).join('\n'), 2, issue);
      if (raw !== undefined) {
        const result = frontMatterSchema.safeParse(raw);
        if (result.success) meta = result.data;
        else for (const m of zodMessages(result.error)) issue(1, `front matter: ${m}`);
      }
      i = end + 1;
    }
  } else {
    issue(
      1,
      'front matter: the file must start with a --- line, then id, title, order, summary, minutes, unlocks',
    );
  }

  const segments: Segment[] = [];
  let prose: string[] = [];
  let proseLine = i + 1;
  const flushProse = () => {
    const textBlock = prose.join('\n');
    if (textBlock.trim() !== '')
      segments.push({ kind: 'markdown', text: textBlock, line: proseLine });
    prose = [];
  };

  const seenIds = new Map<string, number>();
  for (; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) {
      if (prose.length === 0) proseLine = i + 1;
      prose.push(lines[i]!);
      continue;
    }
    flushProse();
    const line = i + 1;
    const kind = open[1]!;
    const id = open[2] ?? '';
    const close = lines.findIndex((l, k) => k > i && CLOSE.test(l));
    const bodyEnd = close < 0 ? lines.length : close;
    const body = lines.slice(i + 1, bodyEnd).join('\n');
    i = bodyEnd;
    const blockIssues: string[] = [];
    const fail = (message: string) => blockIssues.push(message);
    if (close < 0) fail(`:::${kind} block is never closed (add a line ':::')`);
    if (!(BLOCK_KINDS as readonly string[]).includes(kind)) {
      fail(`unknown block kind '${kind}'; use one of ${BLOCK_KINDS.join(', ')}`);
    }
    if (ID.test(id) && id in Object.prototype)
      fail(`block id '${id}' is a name JavaScript objects already have; choose another`);
    else if (!ID.test(id))
      fail(
        `block id ${id === '' ? 'missing' : `'${id}' is invalid`}: write ':::${kind} some-id' (lowercase letters, digits, dashes)`,
      );
    else if (seenIds.has(id)) fail(`block id '${id}' is already used on line ${seenIds.get(id)}`);
    else seenIds.set(id, line);

    let data: unknown;
    let formerIds: readonly string[] | undefined;
    let notes: string | undefined;
    if (blockIssues.length === 0) {
      const parsedBody = parseYamlAt(body, line + 1, (_, m) => fail(m));
      // `formerIds` and `notes` are not the kind's own fields, so they are taken out before its schema.
      const {
        formerIds: rawFormer,
        notes: rawNotes,
        ...raw
      } = isPlainRecord(parsedBody) ? parsedBody : { formerIds: undefined, notes: undefined };
      if (rawFormer !== undefined) {
        const former = formerIdsSchema.safeParse(rawFormer);
        if (former.success) formerIds = former.data;
        else for (const m of zodMessages(former.error)) fail(`formerIds ${m}`);
      }
      if (rawNotes !== undefined) {
        const noted = NOTED_BLOCK_KINDS as readonly string[];
        if (!noted.includes(kind)) {
          fail(
            `notes: a ${kind} block is not a scene of the lecture deck, so it takes no speaker notes (${NOTED_BLOCK_KINDS.join(', ')} blocks do)`,
          );
        } else {
          const parsedNotes = notesSchema.safeParse(rawNotes);
          if (parsedNotes.success) notes = parsedNotes.data;
          else for (const m of zodMessages(parsedNotes.error)) fail(`notes ${m}`);
        }
      }
      if (parsedBody !== undefined || blockIssues.length === 0) {
        const input = isPlainRecord(parsedBody) ? raw : (parsedBody ?? {});
        const result = blockSchemas[kind as BlockKind].safeParse(input);
        if (result.success) data = result.data;
        else for (const m of zodMessages(result.error)) fail(m);
      }
    }
    if (blockIssues.length > 0 || data === undefined) {
      for (const m of blockIssues) issue(line, `:::${kind} ${id}: ${m}`);
      segments.push({
        kind: 'invalid',
        blockKind: kind,
        id,
        line,
        message: blockIssues.join('; '),
      });
    } else {
      segments.push({
        kind,
        id,
        line,
        data,
        ...(formerIds && { formerIds }),
        ...(notes !== undefined && { notes }),
      } as BlockSegment);
    }
    proseLine = i + 2;
  }
  flushProse();

  crossCheck(segments, issue);
  return { file, meta, segments, issues };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks references between blocks of one lesson; a failing block is turned into an 'invalid' segment. */
function crossCheck(segments: Segment[], issue: (line: number, message: string) => void): void {
  const experiments = new Map<string, Experiment>();
  const practices = new Map<string, Practice>();
  for (const s of segments) if (s.kind === 'experiment') experiments.set(s.id, s.data);
  for (const s of segments) if (s.kind === 'practice') practices.set(s.id, s.data);

  const invalidate = (index: number, message: string) => {
    const s = segments[index]!;
    if (s.kind === 'markdown' || s.kind === 'invalid') return;
    issue(s.line, `:::${s.kind} ${s.id}: ${message}`);
    segments[index] = { kind: 'invalid', blockKind: s.kind, id: s.id, line: s.line, message };
  };
  const checkLabels = (claim: Claim, experiment: Experiment, where: string): string | undefined => {
    const labels = experiment.runs.map((r) => r.label);
    const unknown = claimRunLabels(claim).filter((l) => !labels.includes(l));
    return unknown.length > 0
      ? `${where} names run ${unknown.map((l) => `'${l}'`).join(', ')}, but the experiment's runs are ${labels.map((l) => `'${l}'`).join(', ')}`
      : undefined;
  };

  const mysteries = new Set(
    [...practices.values()].filter((p) => p.hidden.length > 0).map((p) => p.experiment),
  );
  const predicted = new Map<string, string>();
  segments.forEach((s, index) => {
    if (s.kind === 'prediction') {
      const experiment = experiments.get(s.data.experiment);
      const other = predicted.get(s.data.experiment);
      const labels = experiment?.runs.map((r) => r.label) ?? [];
      if (!experiment)
        invalidate(index, `experiment '${s.data.experiment}' is not an experiment of this lesson`);
      else if (other)
        invalidate(
          index,
          `experiment '${s.data.experiment}' already has the prediction '${other}'`,
        );
      else if (!labels.includes(s.data.measure.run))
        invalidate(
          index,
          `measure names run '${s.data.measure.run}', but the experiment's runs are ${labels.map((l) => `'${l}'`).join(', ')}`,
        );
      else predicted.set(s.data.experiment, s.id);
    } else if (s.kind === 'experiment') {
      const problem =
        s.notes !== undefined && mysteries.has(s.id)
          ? 'notes: the experiment of a mystery network is not a scene of the lecture deck (its settings are hidden), so it takes no speaker notes'
          : s.data.claim && checkLabels(s.data.claim, s.data, 'claim');
      if (problem) invalidate(index, problem);
    } else if (s.kind === 'practice') {
      const experiment = experiments.get(s.data.experiment);
      if (!experiment) {
        invalidate(index, `experiment '${s.data.experiment}' is not an experiment of this lesson`);
        return;
      }
      const problem =
        checkLabels(s.data.claim, experiment, 'claim') ?? practiceProblem(s.data, experiment);
      if (problem) invalidate(index, problem);
    } else if (s.kind === 'checkpoint') {
      const problem = checkpointProblem(s.data, experiments, practices);
      if (problem) invalidate(index, problem);
    }
  });
}

/**
 * A practice must ask for a change: for every run it names, at least one required setting differs
 * from the experiment as written, so passing it (and any checkpoint it earns) takes the learner's own
 * action. A mystery network (diagnosed in the Lab, as run A) also needs an experiment of one run, its
 * question (naming the fault) and its fix inside the hidden settings, and its experiment may serve no
 * other block, which would show the hidden values.
 */
function practiceProblem(practice: Practice, experiment: Experiment): string | undefined {
  for (const required of practice.requireSettings) {
    const index = experiment.runs.findIndex((run) => run.label === required.run);
    if (index < 0)
      return `requireSettings names run '${required.run}', which the experiment does not have`;
    const written = runSettings(experiment, index);
    const keys = Object.keys(required.settings) as SettingKey[];
    if (keys.every((key) => written[key] === required.settings[key]))
      return `requireSettings for run '${required.run}' already hold in the experiment as written; ask for a change the learner has to make`;
    const unreachable = unreachableSetting(
      required.run,
      { ...written, ...required.settings },
      keys,
    );
    if (unreachable) return unreachable;
  }
  if (practice.hidden.length === 0) return undefined;
  if (experiment.runs.length !== 1)
    return `a mystery network opens in the Lab as one run: its experiment has ${experiment.runs.length} runs`;
  if (!practice.question)
    return 'a mystery network (hidden settings) needs a question that names the fault';
  if (practice.requireSettings.length === 0)
    return 'a mystery network (hidden settings) needs requireSettings: the fix';
  const outside = practice.requireSettings
    .flatMap((r) => Object.keys(r.settings) as SettingKey[])
    .filter((key) => !practice.hidden.includes(key));
  if (outside.length > 0)
    return `requireSettings changes ${outside.join(', ')}, which ${outside.length === 1 ? 'is' : 'are'} not hidden; the fix of a mystery network lies in its hidden settings`;
  return undefined;
}

/**
 * A required value the registry's rules rule out next to the run's other settings (InstanceNorm in an
 * MLP, groups that do not divide the width, a batch over the memory cap): the learner's controls would
 * never reach it, so the practice could never pass.
 */
function unreachableSetting(
  run: string,
  wanted: LabRunSettings,
  required: readonly SettingKey[],
): string | undefined {
  const { settings, fixes } = makeCoherent(wanted);
  const fix = fixes.find((f) => required.includes(f.key));
  if (!fix) return undefined;
  const label = <K extends SettingKey>(key: K, s: LabRunSettings) => settingValueLabel(key, s[key]);
  return `requireSettings for run '${run}' asks for ${fix.key} ${label(fix.key, wanted)}, which the learner cannot set: ${fix.reason} (the run would train with ${label(fix.key, settings)})`;
}

function checkpointProblem(
  checkpoint: Checkpoint,
  experiments: ReadonlyMap<string, Experiment>,
  practices: ReadonlyMap<string, Practice>,
): string | undefined {
  const by = checkpoint.earnedBy;
  if ('practice' in by) {
    const practice = practices.get(by.practice);
    if (!practice) return `earnedBy names '${by.practice}', not a practice of this lesson`;
    const charts = experiments.get(practice.experiment)?.charts ?? [];
    if (by.viewedChart && !charts.includes(by.viewedChart))
      return `earnedBy asks for the ${by.viewedChart} chart, which the practice's experiment does not show (it shows ${charts.join(', ')})`;
    return undefined;
  }
  const needed = 'experiment' in by ? [by.experiment] : 'experiments' in by ? by.experiments : [];
  const missing = needed.filter((e) => !experiments.has(e));
  if (missing.length > 0)
    return `earnedBy names ${missing.map((m) => `'${m}'`).join(', ')}, not an experiment of this lesson`;
  if (needed.some((e) => experiments.get(e)!.claim === undefined))
    return 'earnedBy names an experiment without a claim, so nothing could be observed to earn it';
  const hiddenIn = needed.find((e) =>
    [...practices.values()].some((p) => p.hidden.length > 0 && p.experiment === e),
  );
  if (hiddenIn) return `earnedBy names '${hiddenIn}', the hidden experiment of a mystery network`;
  if ('experiment' in by && by.viewedChart) {
    const charts = experiments.get(by.experiment)!.charts;
    if (!charts.includes(by.viewedChart))
      return `earnedBy asks for the ${by.viewedChart} chart, which the experiment does not show (it shows ${charts.join(', ')})`;
  }
  return undefined;
}
