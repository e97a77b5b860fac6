// The limits live apart from the parser so that the settings registry and the Lab form can read them
// without pulling papaparse into the home page's bundle (it belongs in the CSV worker only).

/** Own data limits: rows of data (the header not counted) and feature columns. */
export const MAX_ROWS = 50_000;
export const MAX_FEATURES = 256;
/** A label column may name at most this many classes (a column of measurements is not a label). */
export const MAX_CLASSES = 20;
