// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetLabView } from '../../../src/ui/lab/labView';
import { setupLabTests } from './labTestEnvironment';
import { renderLab } from './renderLab';

setupLabTests();

/** A window as narrow as `narrow` says, and a way to resize it past the one-column width. */
function mockWidth(narrow: boolean) {
  const listeners = new Set<() => void>();
  const list = {
    get matches() {
      return narrow;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => list),
  );
  return (next: boolean) => {
    narrow = next;
    act(() => listeners.forEach((listener) => listener()));
  };
}

describe('the Lab in one column (a phone, 150 % zoom)', () => {
  beforeEach(() => resetLabView());
  afterEach(() => {
    vi.unstubAllGlobals();
    act(() => resetLabView());
  });

  it('keeps Train, Step and Reset out and folds the runs, settings, sharing and panels away', async () => {
    mockWidth(true);
    const user = renderLab();
    const train = screen.getByRole('group', { name: 'Training controls' });
    for (const name of ['Train', 'Step', 'Reset']) {
      expect(within(train).getByRole('button', { name })).toBeVisible();
    }
    const fold = screen.getByText('Runs, settings and sharing').closest('details')!;
    expect(fold).not.toHaveAttribute('open');
    for (const hidden of [
      screen.getByRole('combobox', { name: 'Dataset' }),
      screen.getByRole('combobox', { name: 'Speed' }),
      screen.getByRole('button', { name: 'Copy link' }),
      screen.getByText('Choose panels'),
    ]) {
      expect(fold).toContainElement(hidden);
      expect(hidden).not.toBeVisible();
    }
    await user.click(screen.getByText('Runs, settings and sharing'));
    expect(screen.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
    expect(screen.getByRole('tab', { name: /^A/ })).toBeVisible();
  });

  it('shows everything at once on a wide screen, and folds when the window narrows', () => {
    const resize = mockWidth(false);
    renderLab();
    expect(screen.queryByText('Runs, settings and sharing')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
    resize(true);
    expect(screen.getByRole('combobox', { name: 'Dataset' })).not.toBeVisible();
  });

  it('does not fold the few controls a classroom link shows', () => {
    mockWidth(true);
    renderLab('#/lab?show=train,norm');
    expect(screen.queryByText('Runs, settings and sharing')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Normalization' })).toBeVisible();
  });

  it('opens the fold when a student on a classroom link asks for every control', async () => {
    mockWidth(true);
    const user = renderLab('#/lab?show=train,norm');
    await user.click(screen.getByRole('button', { name: 'Show all controls' }));
    const fold = screen.getByText('Runs, settings and sharing').closest('details')!;
    expect(fold).toHaveAttribute('open');
    expect(screen.getByRole('combobox', { name: 'Dataset' })).toBeVisible();
  });
});
