/**
 * The app's one number formatter (src/engine/text/numberText.ts), for the layers above the engine:
 * formatNumber for values, formatCount for counts, formatLimit for the ends of a range.
 */
export { formatCount, formatLimit, formatNumber, withMinusSign } from '../engine/text/numberText';
