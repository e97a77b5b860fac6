// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/store/appStore';
import { resetLabView } from '../../../src/ui/lab/labView';
import { labClassroomHash, labRoomHash } from '../../../src/ui/lab/useLabUrlSync';
import { snapshotOf } from '../../store/fakeRunWorker';
import { setupLabTests } from './labTestEnvironment';
import { enterNumber, renderLab } from './renderLab';

const { worker } = setupLabTests();
afterEach(() => {
  act(() => resetLabView());
});

const toolbar = () => screen.getByRole('group', { name: 'Training controls' });

describe('Stop at', () => {
  it('is a labelled choice with a count, kept in the link, sent with Train, and the run finishes there', async () => {
    const user = renderLab();
    const choice = screen.getByRole('combobox', { name: 'Stop at' });
    expect(choice).toHaveDisplayValue('Never (train until paused)');
    expect(screen.queryByRole('spinbutton', { name: 'Steps to stop at' })).not.toBeInTheDocument();

    await user.selectOptions(choice, 'steps');
    await enterNumber(user, 'Steps to stop at', '200');
    expect(useAppStore.getState().stopAt).toEqual({ count: 200, unit: 'steps' });
    expect(window.location.hash).toMatch(/[?&]stop=200(&|$)/);

    await user.click(within(toolbar()).getByRole('button', { name: 'Train' }));
    expect(worker().sent.at(-1)).toEqual({ type: 'train', until: { count: 200, unit: 'steps' } });
    act(() => {
      worker().emit({ type: 'status', running: true });
      worker().emit(snapshotOf(1, 200));
      worker().emit({ type: 'status', running: false, finished: true });
    });
    expect(screen.getByText('Run A finished at step 200.')).toBeInTheDocument();
    // Train would stop at once: it waits for a further target, Never or Reset, and says so.
    expect(within(toolbar()).getByRole('button', { name: 'Train' })).toBeDisabled();
    expect(within(toolbar()).getByRole('button', { name: 'Step' })).toBeEnabled();
    expect(
      screen.getByText(
        'Every run has reached 200 steps: raise the count, choose Never or press Reset to train again.',
      ),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Stop at' }), 'never');
    expect(window.location.hash).not.toMatch(/stop=/);
    expect(within(toolbar()).getByRole('button', { name: 'Train' })).toBeEnabled();
    expect(screen.getByText('Run A paused at step 200.')).toBeInTheDocument();
  });

  it('explains a count out of range and keeps the target', async () => {
    const user = renderLab('#/lab?stop=300');
    const count = screen.getByRole('spinbutton', { name: 'Steps to stop at' });
    expect(count).toHaveValue(300);
    await enterNumber(user, 'Steps to stop at', '0');
    expect(count).toHaveAccessibleDescription(/“0” is not a whole number from 1 to 100,000/);
    expect(useAppStore.getState().stopAt).toEqual({ count: 300, unit: 'steps' });
  });

  it('writes the limit as the link notice does: the hint, the box and the notice all say 100,000', async () => {
    const user = renderLab('#/lab?stop=0');
    const notice = screen.getByText(/stop=0 is not a whole number from 1 to 100,000 \(steps\)/);
    expect(notice).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stop at' }), 'steps');
    const count = screen.getByRole('spinbutton', { name: 'Steps to stop at' });
    expect(count).toHaveAccessibleDescription(/\(1 to 100,000\)/);
    await enterNumber(user, 'Steps to stop at', '100001');
    expect(count).toHaveAccessibleDescription(/“100001” is not a whole number from 1 to 100,000/);
    expect(document.body.textContent).not.toMatch(/100000/);
  });

  it('opens from a link in epochs, and reports a value it cannot use', () => {
    renderLab('#/lab?stop=3&stopunit=epochs');
    expect(screen.getByRole('combobox', { name: 'Stop at' })).toHaveDisplayValue(
      'A number of epochs',
    );
    expect(screen.getByRole('spinbutton', { name: 'Epochs to stop at' })).toHaveValue(3);
    expect(window.location.hash).toMatch(/[?&]stop=3&stopunit=epochs/);

    act(() => window.history.replaceState(null, '', '/#/lab?stop=soon'));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(
      screen.getByText(/stop=soon is not a whole number from 1 to 100,000 \(steps\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Stop at' })).toHaveDisplayValue(
      'Never (train until paused)',
    );
  });

  it('is in presenter mode’s bar, and a classroom link can hide it', async () => {
    const user = renderLab('#/lab?present=1&stop=200');
    const bar = screen.getByRole('toolbar', { name: 'Presenter controls' });
    await user.click(within(bar).getByText('Stop at: 200 steps'));
    expect(within(bar).getByRole('spinbutton', { name: 'Steps to stop at' })).toHaveValue(200);
    await user.click(within(bar).getByRole('button', { name: 'Train' }));
    expect(worker().sent.at(-1)).toEqual({ type: 'train', until: { count: 200, unit: 'steps' } });
    act(() => resetLabView());

    act(() => window.history.replaceState(null, '', '/#/lab?show=train'));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(screen.queryByRole('combobox', { name: 'Stop at' })).not.toBeInTheDocument();
  });

  it('goes into the room’s short link and a classroom link, so students’ runs stop there too', async () => {
    const user = renderLab('#/lab?stop=3&stopunit=epochs');
    const settings = useAppStore.getState().runs.map((r) => r.settings);
    expect(labRoomHash(settings)).toMatch(/[?&]stop=3&stopunit=epochs(&|$)/);
    expect(labClassroomHash(settings, ['train'])).toMatch(/[?&]stop=3&stopunit=epochs&/);
    await user.click(screen.getByRole('button', { name: 'Share with the room' }));
    expect(screen.getByRole('link', { name: /stop=3&stopunit=epochs/ })).toBeInTheDocument();
  });
});
