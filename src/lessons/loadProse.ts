/**
 * The prose of the bundled lessons (see lessonProse.ts). Imported only by the pages that show it, so
 * it is downloaded with them and not with the home page.
 */
import bundledProse from 'virtual:normlab/lesson-prose';
import { withProse } from './lessonProse';
import type { Track } from './track';

/** The track with the bundled lessons' prose filled in. */
export function withBundledProse(track: Track): Track {
  return withProse(track, bundledProse);
}
