/**
 * The most batches a recalibration of a run may use (the Lab's and the lessons' limit; a few thousand
 * samples is plenty). In a file of its own so the lesson schema reads it without the engine's layers.
 */
export const MAX_RECALIBRATION_BATCHES = 200;

/** The most steps one fine-tuning copy or one weight averaging may train (the worker is busy meanwhile). */
export const MAX_FINE_TUNE_STEPS = 2000;
