import { render } from '@testing-library/react';
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
