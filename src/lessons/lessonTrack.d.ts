/** lessons/*.md as buildTrack parsed them at build time (vite.config.ts), without their prose. */
declare module 'virtual:normlab/lesson-track' {
  import type { Track } from './track';

  const track: Track;
  export default track;
}

/** The prose taken out of that track (src/lessons/lessonProse.ts), for the pages that show it. */
declare module 'virtual:normlab/lesson-prose' {
  import type { LessonProse } from './lessonProse';

  const prose: LessonProse;
  export default prose;
}

/** The syntax trees of every lesson's Markdown (src/lessons/bundledTrees.ts), parsed at build time. */
declare module 'virtual:normlab/lesson-trees' {
  import type { MarkdownTrees } from './bundledTrees';

  const trees: MarkdownTrees;
  export default trees;
}
