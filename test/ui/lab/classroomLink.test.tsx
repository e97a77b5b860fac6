// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_KEYS, SETTINGS } from '../../../src/lab/settingsRegistry';
import { useAppStore } from '../../../src/store/appStore';
import {
  CLASSROOM_CONTROLS,
  CLASSROOM_GROUPS,
  hiddenCount,
} from '../../../src/ui/lab/classroomControls';
import { resetLabView } from '../../../src/ui/lab/labView';
import { decodeLabView } from '../../../src/ui/lab/labViewUrl';
import { setupLabTests } from './labTestEnvironment';
import { renderLab } from './renderLab';

setupLabTests();
afterEach(() => {
  act(() => resetLabView());
});

const TOTAL = CLASSROOM_CONTROLS.length;

describe('classroom controls', () => {
  it('offers every setting of the registry, in its groups, beside the Lab controls', () => {
    const offered = CLASSROOM_GROUPS.flatMap((g) => g.controls.map((c) => c.id));
    expect(offered).toEqual(CLASSROOM_CONTROLS);
    for (const key of SETTING_KEYS) {
      const group = CLASSROOM_GROUPS.find((g) =>
        g.controls.some((c) => c.id === SETTINGS[key].param),
      );
      expect(group?.legend).toMatch(/settings$/);
      expect(group?.controls.find((c) => c.id === SETTINGS[key].param)?.label).toBe(
        SETTINGS[key].label,
      );
    }
    expect(new Set(CLASSROOM_CONTROLS).size).toBe(TOTAL);
    expect(hiddenCount(null)).toBe(0);
    expect(hiddenCount(['train', 'lr'])).toBe(TOTAL - 2);
  });

  it('reads show= as setting parameters and Lab controls, and reports unknown names', () => {
    const { view, notices } = decodeLabView('show=lr,train,nope,norm');
    expect(view.shown).toEqual(['lr', 'train', 'norm']);
    expect(notices.map((n) => n.message)).toEqual([
      expect.stringMatching(
        /^show: 'nope' is not one of train, speed, stop, runs, panels, share, data/,
      ),
    ]);
  });
});

describe('a classroom link', () => {
  it('shows only its controls, says that more exist, and shows them all on request', async () => {
    const user = renderLab('#/lab?runs=2&b.norm=batchNorm&show=norm,train,lr');
    const buttons = ['Train', 'Step', 'Reset'];
    for (const name of buttons) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Normalization' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Learning rate' })).toBeInTheDocument();
    for (const hidden of ['Dataset', 'Weight init', 'Speed', 'Optimizer']) {
      expect(screen.queryByRole('combobox', { name: hidden })).not.toBeInTheDocument();
    }
    for (const hidden of ['Add run', 'Duplicate run', 'Copy link', 'Present', 'Classroom link']) {
      expect(screen.queryByRole('button', { name: hidden })).not.toBeInTheDocument();
    }
    expect(screen.queryByText('Choose panels')).not.toBeInTheDocument();
    // The run tabs stay: students still pick the run to look inside.
    expect(screen.getByRole('tab', { name: /^B/ })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Data' })).not.toBeInTheDocument();
    const note = screen.getByRole('note', { name: 'Classroom link' });
    expect(note).toHaveTextContent(
      `This classroom link shows 3 of the Lab's ${TOTAL} controls; ${TOTAL - 3} more are hidden`,
    );
    // The link keeps the choice, in the picker's order.
    expect(window.location.hash).toMatch(/&show=train,norm,lr$/);

    // D (duplicate) is off with the hidden run buttons; Space still trains.
    fireEvent.keyDown(document.body, { key: 'd' });
    expect(useAppStore.getState().runs).toHaveLength(2);

    await user.click(within(note).getByRole('button', { name: 'Show all controls' }));
    expect(screen.queryByRole('note', { name: 'Classroom link' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Dataset' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add run' })).toBeInTheDocument();
    expect(window.location.hash).not.toMatch(/show=/);
  });

  it('is made by ticking controls in the picker, which copies the link and can apply it here', async () => {
    const user = renderLab('#/lab?runs=2&b.norm=batchNorm');
    await user.click(screen.getByRole('button', { name: 'Classroom link' }));
    const dialog = screen.getByRole('dialog', { name: 'Classroom link' });
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(TOTAL);
    expect(
      within(dialog).getByRole('group', { name: 'Normalization settings' }),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Untick all' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Train, Step and Reset' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Weight init' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Normalization' }));

    const link = within(dialog).getByRole('link', { name: /#\/lab\?/ });
    const href = link.getAttribute('href') ?? '';
    expect(href).toMatch(
      /^http:\/\/[^#]+#\/lab\?runs=2&a\.data=spiral&.*&b\.norm=batchNorm&show=train,norm,init$/,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Copy classroom link' }));
    expect(await navigator.clipboard.readText()).toBe(href);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      `Classroom link copied: it shows 3 of ${TOTAL} controls.`,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Show only these here' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Weight init' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Dataset' })).not.toBeInTheDocument();
    expect(new URL(href).hash).toBe(window.location.hash);
  });
});
