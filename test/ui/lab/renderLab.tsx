import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { LabPage } from '../../../src/ui/lab/LabPage';
import { AppShortcuts } from '../../../src/ui/present/AppShortcuts';

/** The Lab at `hash` with the app's shortcuts, as the app shows it; returns a user to act with. */
export function renderLab(hash = '#/lab'): UserEvent {
  window.history.replaceState(null, '', `/${hash}`);
  const user = userEvent.setup();
  render(
    <>
      <LabPage />
      <AppShortcuts />
    </>,
  );
  return user;
}

/**
 * Replaces what the number box named `name` holds with `value` and presses Enter, as a learner
 * does; returns the box.
 */
export async function enterNumber(
  user: UserEvent,
  name: string,
  value: string,
): Promise<HTMLElement> {
  const box = screen.getByRole('spinbutton', { name });
  await user.clear(box);
  await user.type(box, `${value}{Enter}`);
  return box;
}
