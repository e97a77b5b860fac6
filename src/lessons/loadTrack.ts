/**
 * The lessons the app shows: every lessons/*.md file but the README, parsed and validated by
 * buildTrack when the app is built (scripts/lessonTrackPlugin.ts), so the browser gets the finished
 * Track. scripts/checkLessons.ts runs the same buildTrack first, so a lesson that reaches the browser
 * with an issue has already failed the build; the page still renders what it can.
 */
import bundledTrack from 'virtual:normlab/lesson-track';
import type { Track } from './track';

export function loadTrack(): Track {
  return bundledTrack;
}
