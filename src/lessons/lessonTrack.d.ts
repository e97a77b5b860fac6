/** lessons/*.md as buildTrack parsed them at build time (scripts/lessonTrackPlugin.ts). */
declare module 'virtual:normlab/lesson-track' {
  import type { Track } from './track';

  const track: Track;
  export default track;
}
