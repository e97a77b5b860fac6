import { within } from '@testing-library/react';

/** The texts of the options a select offers, in order, as the learner reads them. */
export function optionTexts(select: HTMLElement): (string | null)[] {
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);
}
