import type { Track } from '../track';

/** A lesson of the track: parsed, with valid front matter. */
export type PlacedLesson = Track['lessons'][number];
