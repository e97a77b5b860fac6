// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/store/appStore';
import { resetLabView } from '../../../src/ui/lab/labView';
import { leaveFullScreenChart } from '../../../src/ui/present/fullScreenChart';
import { setupLabTests } from './labTestEnvironment';
import { renderLab } from './renderLab';

const { worker } = setupLabTests();
afterEach(() => {
  act(() => {
    resetLabView();
    leaveFullScreenChart();
  });
});

describe('Lab presenter mode', () => {
  it('folds the controls into one bar, keeps it in the link, and restores the layout on leaving', async () => {
    const user = renderLab();
    expect(screen.getByRole('heading', { level: 1, name: 'Lab' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Present' }));

    const bar = screen.getByRole('toolbar', { name: 'Presenter controls' });
    for (const name of ['Train', 'Step', 'Reset', 'Leave presenter mode']) {
      expect(within(bar).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(screen.queryByRole('group', { name: 'Training controls' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Dataset' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Lab, presenter mode' })).toHaveClass('nl-present');
    expect(window.location.hash).toMatch(/[?&]present=1/);
    // Smoothing is on by default while presenting, and named as an EMA.
    expect(screen.getByRole('combobox', { name: 'Smoothing' })).toHaveDisplayValue(
      'EMA 0.9 (about 10 steps)',
    );

    await user.click(within(bar).getByRole('button', { name: 'Leave presenter mode' }));
    expect(screen.queryByRole('toolbar', { name: 'Presenter controls' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Dataset' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Smoothing' })).toHaveDisplayValue('off');
    expect(window.location.hash).not.toMatch(/present=/);
  });

  it('opens in presenter mode from a link with present=1, with its panels, log scale and smoothing', () => {
    renderLab('#/lab?present=1&panels=loss,gradients&log=1&smooth=0.6');
    expect(screen.getByRole('toolbar', { name: 'Presenter controls' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Log scale for loss' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Smoothing' })).toHaveDisplayValue(
      'EMA 0.6 (about 3 steps)',
    );
    expect(screen.getByRole('figure', { name: 'Loss' })).toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: /Weight/ })).not.toBeInTheDocument();
  });

  it('writes a changed log scale and smoothing into the link', async () => {
    const user = renderLab();
    await user.click(screen.getByRole('checkbox', { name: 'Log scale for loss' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Smoothing' }), '0.95');
    expect(window.location.hash).toMatch(/&log=1&smooth=0\.95$/);
  });

  it('answers every Lab key, and none while typing in a field', async () => {
    const user = renderLab();
    await user.keyboard('p');
    expect(screen.getByRole('toolbar', { name: 'Presenter controls' })).toBeInTheDocument();
    await user.keyboard('p');
    expect(screen.queryByRole('toolbar', { name: 'Presenter controls' })).not.toBeInTheDocument();

    await user.keyboard(' ');
    expect(worker().types().at(-1)).toBe('train');
    act(() => worker().emit({ type: 'status', running: true }));
    await user.keyboard(' ');
    expect(worker().types().at(-1)).toBe('pause');
    act(() => worker().emit({ type: 'status', running: false }));
    await user.keyboard('s');
    expect(worker().sent.at(-1)).toEqual({ type: 'step', count: 1 });
    await user.keyboard('r');
    expect(worker().sent.at(-1)).toEqual({ type: 'reset' });

    await user.keyboard('d');
    await user.keyboard('d');
    expect(useAppStore.getState().runs).toHaveLength(3);
    await user.keyboard('1');
    expect(useAppStore.getState().selectedRunId).toBe(useAppStore.getState().runs[0]!.id);
    await user.keyboard('3');
    expect(useAppStore.getState().selectedRunId).toBe(useAppStore.getState().runs[2]!.id);

    // Typing a learning rate does not reset, step, duplicate or present.
    const sent = worker(2).sent.length;
    const field = screen.getByRole('spinbutton', { name: 'Learning rate' });
    await user.click(field);
    await user.keyboard('srdp1');
    expect(useAppStore.getState().runs).toHaveLength(3);
    expect(screen.queryByRole('toolbar', { name: 'Presenter controls' })).not.toBeInTheDocument();
    expect(
      worker(2)
        .sent.slice(sent)
        .map((m) => m.type),
    ).not.toContain('reset');
  });

  it('lists every shortcut with "?"', async () => {
    const user = renderLab();
    await user.keyboard('?');
    const list = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const key of ['Space', 'S', 'R', '1–4', 'D', 'P', 'F', '?']) {
      expect(within(list).getByText(key, { selector: 'kbd' })).toBeInTheDocument();
    }
    expect(within(list).getByText('Train or pause every run')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });

  it('fills the screen with the loss chart on F and brings it back on Escape', async () => {
    const user = renderLab();
    await user.keyboard('f');
    const loss = screen.getByRole('figure', { name: 'Loss' });
    expect(loss).toHaveClass('nl-chart--full');
    expect(within(loss).getByRole('button', { name: 'Leave full screen: Loss' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.keyboard('{Escape}');
    expect(loss).not.toHaveClass('nl-chart--full');
    await user.click(within(loss).getByRole('button', { name: 'Full screen: Loss' }));
    expect(loss).toHaveClass('nl-chart--full');
  });
});
