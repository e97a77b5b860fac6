/**
 * The most batches a recalibration of a run may use (the Lab's and the lessons' limit; a few thousand
 * samples is plenty). In a file of its own so the lesson schema reads it without the engine's layers.
 */
export const MAX_RECALIBRATION_BATCHES = 200;
