/**
 * The lessons the app shows: every lessons/*.md file but the README, bundled as text by Vite and parsed once.
 * The same buildTrack runs at build time (scripts/checkLessons.ts), so a lesson that reaches the
 * browser with an issue has already failed the build; the page still renders what it can.
 */
import { buildTrack, type Track } from './track';

// README.md documents the format for authors; it is not a lesson.
const sources = import.meta.glob<string>(['/lessons/*.md', '!/lessons/README.md'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** File names as the build check prints them: 'lessons/01-signal-propagation.md'. */
export const LESSON_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(sources).map(([path, text]) => [path.replace(/^\//, ''), text]),
);

let cached: Track | undefined;

export function loadTrack(): Track {
  cached ??= buildTrack(LESSON_SOURCES);
  return cached;
}
