/**
 * A lesson as a lecture deck: one scene per experiment, widget, display equation and quiz question, in
 * the lesson's order, after a title scene. Each scene carries speaker notes: the block's own `notes:`
 * when the author wrote some, otherwise the lesson's prose around it (the paragraphs leading in to it
 * and those that follow it, within its section), plus, for an experiment, the prediction the room
 * can make first, its takeaway and the task of a practice done on it.
 */
import type { Experiment, LessonFrontMatter, Prediction, Quiz, Widget } from './schema';
import type { ParsedLesson, Segment } from './parseLesson';
import { plainHeading } from './sections';

/** One labelled part of a scene's speaker notes (Markdown). */
export interface NoteSection {
  readonly label: string;
  readonly text: string;
}

interface SceneBase {
  /** Unique in the deck: the block id, 'title', or 'equation-<line>'. */
  readonly id: string;
  readonly title: string;
  /** The lesson section (its '##' heading) the scene belongs to. */
  readonly section: string | undefined;
  readonly notes: readonly NoteSection[];
}

export type Scene =
  | (SceneBase & { readonly kind: 'title'; readonly summary: string; readonly minutes: number })
  | (SceneBase & { readonly kind: 'experiment'; readonly experiment: Experiment })
  | (SceneBase & { readonly kind: 'widget'; readonly widget: Widget })
  | (SceneBase & { readonly kind: 'equation'; readonly tex: string })
  | (SceneBase & { readonly kind: 'quiz'; readonly quiz: Quiz });

export type SceneKind = Scene['kind'];

export interface Deck {
  readonly lessonId: string;
  readonly title: string;
  readonly scenes: readonly Scene[];
}

/** Labels of the derived notes, as the speaker view shows them. */
export const NOTE_LABELS = {
  author: 'Notes',
  before: 'Leading in',
  after: 'Afterwards',
  takeaway: 'What to notice once it has trained',
  practice: 'The practice on this experiment (to do live)',
  prediction: 'Ask the room to predict first',
} as const;

/** At most this many paragraphs of prose on each side of a scene become its notes. */
export const NOTE_PARAGRAPHS = 2;

/** Whether the scene trains runs (set up on entry, started with Space). */
export function sceneTrains(scene: Scene): scene is Extract<Scene, { kind: 'experiment' }> {
  return scene.kind === 'experiment';
}

/** What a scene is, in words: 'Experiment', 'Widget', 'Equation', 'Question', 'Title'. */
export function sceneKindName(kind: SceneKind): string {
  switch (kind) {
    case 'title':
      return 'Title';
    case 'experiment':
      return 'Experiment';
    case 'widget':
      return 'Widget';
    case 'equation':
      return 'Equation';
    case 'quiz':
      return 'Question';
  }
}

/** The lesson flattened: prose paragraphs, section headings and the things that become scenes. */
type Item =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'scene'; readonly make: (context: SceneContext) => Scene };

interface SceneContext {
  readonly section: string | undefined;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const FENCE = /^ {0,3}(```|~~~)/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const DISPLAY_MATH = /^\s*\$\$\s*$/;

/** A Markdown segment as paragraphs, headings ('#' and '##' open a section) and display equations. */
function proseItems(text: string, firstLine: number): Item[] {
  const items: Item[] = [];
  const lines = text.split('\n');
  let paragraph: string[] = [];
  const flush = (): void => {
    const joined = paragraph.join('\n').trim();
    if (joined !== '') items.push({ type: 'paragraph', text: joined });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      // Code stays with its paragraph: it is notes material, never a scene.
      const end = lines.findIndex((l, k) => k > i && FENCE.test(l));
      const last = end < 0 ? lines.length - 1 : end;
      paragraph.push(...lines.slice(i, last + 1));
      i = last;
      continue;
    }
    if (DISPLAY_MATH.test(line)) {
      const end = lines.findIndex((l, k) => k > i && DISPLAY_MATH.test(l));
      if (end > i) {
        flush();
        const tex = lines
          .slice(i + 1, end)
          .join('\n')
          .trim();
        const line = firstLine + i;
        items.push({
          type: 'scene',
          make: ({ section, before, after }) => ({
            kind: 'equation',
            id: `equation-${line}`,
            title: section ?? 'Equation',
            section,
            tex,
            notes: proseNotes(before, after),
          }),
        });
        i = end;
        continue;
      }
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      // '###' and below structure a section without starting a new one.
      if (heading[1]!.length <= 2) items.push({ type: 'heading', text: plainHeading(heading[2]!) });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return items;
}

function proseNotes(before: readonly string[], after: readonly string[]): NoteSection[] {
  const notes: NoteSection[] = [];
  if (before.length > 0) notes.push({ label: NOTE_LABELS.before, text: before.join('\n\n') });
  if (after.length > 0) notes.push({ label: NOTE_LABELS.after, text: after.join('\n\n') });
  return notes;
}

/** The author's notes when given, otherwise the prose around the block. */
function blockNotes(
  notes: string | undefined,
  before: readonly string[],
  after: readonly string[],
): NoteSection[] {
  return notes !== undefined
    ? [{ label: NOTE_LABELS.author, text: notes }]
    : proseNotes(before, after);
}

/** What other blocks say about the lesson's experiments. */
interface Companions {
  /** Experiments a mystery network hides: the lesson never shows them (they open in the Lab). */
  readonly hidden: ReadonlySet<string>;
  /** The tasks of the other practices, by the experiment they edit. */
  readonly tasks: ReadonlyMap<string, readonly string[]>;
  /** A prediction's question and choices, by the experiment it is about (at most one each). */
  readonly predictions: ReadonlyMap<string, string>;
}

function predictionNote(prediction: Prediction): string {
  const choices = (prediction.choices ?? []).map(
    (c) => `- ${c.text}${c.expected ? ' (what the runs show)' : ''}`,
  );
  return [prediction.question, ...(choices.length > 0 ? [choices.join('\n')] : [])].join('\n\n');
}

function companionsOf(segments: readonly Segment[]): Companions {
  const hidden = new Set<string>();
  const tasks = new Map<string, string[]>();
  const predictions = new Map<string, string>();
  for (const s of segments) {
    if (s.kind === 'prediction') predictions.set(s.data.experiment, predictionNote(s.data));
    if (s.kind !== 'practice') continue;
    if (s.data.hidden.length > 0) hidden.add(s.data.experiment);
    else tasks.set(s.data.experiment, [...(tasks.get(s.data.experiment) ?? []), s.data.task]);
  }
  return { hidden, tasks, predictions };
}

function blockItem(segment: Segment, companions: Companions): Item | undefined {
  switch (segment.kind) {
    case 'experiment': {
      if (companions.hidden.has(segment.id)) return undefined;
      const { id, data, notes } = segment;
      const tasks = companions.tasks.get(id) ?? [];
      const prediction = companions.predictions.get(id);
      return {
        type: 'scene',
        make: ({ section, before, after }) => ({
          kind: 'experiment',
          id,
          title: data.title,
          section,
          experiment: data,
          notes: [
            ...(notes === undefined && prediction !== undefined
              ? [{ label: NOTE_LABELS.prediction, text: prediction }]
              : []),
            ...blockNotes(notes, before, after),
            ...(notes === undefined && data.takeaway
              ? [{ label: NOTE_LABELS.takeaway, text: data.takeaway }]
              : []),
            ...(notes === undefined && tasks.length > 0
              ? [{ label: NOTE_LABELS.practice, text: tasks.join('\n\n') }]
              : []),
          ],
        }),
      };
    }
    case 'widget': {
      const { id, data, notes } = segment;
      return {
        type: 'scene',
        make: ({ section, before, after }) => ({
          kind: 'widget',
          id,
          title: data.title,
          section,
          widget: data,
          notes: blockNotes(notes, before, after),
        }),
      };
    }
    case 'quiz': {
      const { id, data, notes } = segment;
      return {
        type: 'scene',
        make: ({ section, before, after }) => ({
          kind: 'quiz',
          id,
          title: 'Question',
          section,
          quiz: data,
          notes: blockNotes(notes, before, after),
        }),
      };
    }
    default:
      // Checkpoints and practices are the learner's own work; broken blocks fail the build.
      return undefined;
  }
}

/** Up to NOTE_PARAGRAPHS paragraphs next to `at`, stopping at a heading or another scene. */
function paragraphsBeside(items: readonly Item[], at: number, step: 1 | -1): string[] {
  const found: string[] = [];
  for (let i = at + step; i >= 0 && i < items.length; i += step) {
    const item = items[i]!;
    if (item.type !== 'paragraph') break;
    found.push(item.text);
  }
  const near = found.slice(0, NOTE_PARAGRAPHS);
  return step === -1 ? near.reverse() : near;
}

export function buildDeck(lesson: ParsedLesson & { readonly meta: LessonFrontMatter }): Deck {
  const companions = companionsOf(lesson.segments);
  const items: Item[] = lesson.segments.flatMap((segment) => {
    if (segment.kind === 'markdown') return proseItems(segment.text, segment.line);
    const item = blockItem(segment, companions);
    return item ? [item] : [];
  });

  const opening = paragraphsBeside(items, -1, 1);
  const scenes: Scene[] = [
    {
      kind: 'title',
      id: 'title',
      title: lesson.meta.title,
      section: undefined,
      summary: lesson.meta.summary,
      minutes: lesson.meta.minutes,
      notes: proseNotes([], opening),
    },
  ];
  let section: string | undefined;
  items.forEach((item, i) => {
    if (item.type === 'heading') section = item.text;
    if (item.type !== 'scene') return;
    scenes.push(
      item.make({
        section,
        before: paragraphsBeside(items, i, -1),
        after: paragraphsBeside(items, i, 1),
      }),
    );
  });
  const questions = scenes.filter((s) => s.kind === 'quiz').length;
  let asked = 0;
  const numbered = scenes.map((scene) =>
    scene.kind === 'quiz' ? { ...scene, title: `Question ${++asked} of ${questions}` } : scene,
  );
  return { lessonId: lesson.meta.id, title: lesson.meta.title, scenes: numbered };
}
