/**
 * The prose of the bundled lessons (see lessonProse.ts) and the syntax trees of their Markdown
 * (bundledTrees.ts). Imported only by the pages that show them, so they are downloaded with those
 * pages and not with the home page.
 */
import bundledProse from 'virtual:normlab/lesson-prose';
import bundledTrees from 'virtual:normlab/lesson-trees';
import { addMarkdownTrees } from './bundledTrees';
import { withProse } from './lessonProse';
import type { Track } from './track';

// Their Markdown, parsed at build time: the pages that show the prose render these trees.
addMarkdownTrees(bundledTrees);

/** The track with the bundled lessons' prose filled in. */
export function withBundledProse(track: Track): Track {
  return withProse(track, bundledProse);
}
