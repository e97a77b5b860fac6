import { plainHeading } from '../../lessons/sections';

/**
 * The accessible name of a choice whose text has math in it, or undefined when its label's text
 * names it. KaTeX puts the formula's words in MathML, which not every assistive tool reads (axe
 * finds a choice written only as `$2.1$` unlabelled), so such a choice is named by its text as
 * written, without the `$` and emphasis marks: "2.1", "Exactly +1 for one sample and -1 …".
 */
export function choiceName(text: string): string | undefined {
  return text.includes('$') ? plainHeading(text) : undefined;
}
