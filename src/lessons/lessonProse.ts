/**
 * The lessons' prose, kept apart from the track the home page needs. Every page has the track (ids,
 * titles, blocks: what progress, unlocking and the Lab's mysteries read), but only the lesson page
 * and the lecture deck show the Markdown between the blocks, which is about half of the track's size.
 * The build emits the two separately (vite.config.ts): the track without prose in the home page's
 * script, the prose in the chunk of the pages that show it.
 */
import type { Track } from './track';

/** The Markdown of every prose segment, by `file:line`. */
export type LessonProse = Readonly<Record<string, string>>;

const proseKey = (file: string, line: number) => `${file}:${line}`;

/** The track with every prose segment's text empty, and the texts taken out. */
export function splitProse(track: Track): { readonly track: Track; readonly prose: LessonProse } {
  const prose: Record<string, string> = {};
  const strip = <L extends Track['broken'][number]>(lesson: L): L => ({
    ...lesson,
    segments: lesson.segments.map((s) => {
      if (s.kind !== 'markdown') return s;
      prose[proseKey(lesson.file, s.line)] = s.text;
      return { ...s, text: '' };
    }),
  });
  return {
    track: { ...track, lessons: track.lessons.map(strip), broken: track.broken.map(strip) },
    prose,
  };
}

const joined = new WeakMap<Track, Track>();

/**
 * The track with its prose put back (the same object for the same track, so memoized views keep
 * their identity). A segment that already has text, as in a track parsed from the files, keeps it.
 */
export function withProse(track: Track, prose: LessonProse): Track {
  const known = joined.get(track);
  if (known) return known;
  const fill = <L extends Track['broken'][number]>(lesson: L): L => ({
    ...lesson,
    segments: lesson.segments.map((s) =>
      s.kind === 'markdown' && s.text === ''
        ? { ...s, text: prose[proseKey(lesson.file, s.line)] ?? '' }
        : s,
    ),
  });
  const full: Track = {
    ...track,
    lessons: track.lessons.map(fill),
    broken: track.broken.map(fill),
  };
  joined.set(track, full);
  return full;
}
