// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RUN_SETTINGS,
  type LabRunSettings,
  type SettingKey,
} from '../../../src/lab/labSettings';
import { SettingControl } from '../../../src/ui/lessons/SettingControl';
import { optionTexts } from '../optionTexts';

const cnn: LabRunSettings = { ...DEFAULT_RUN_SETTINGS, dataset: 'mnist14', architecture: 'cnn' };

function renderControl(setting: SettingKey, settings: LabRunSettings = DEFAULT_RUN_SETTINGS) {
  const onChange = vi.fn();
  render(
    <SettingControl setting={setting} settings={settings} runLabel="Net" onChange={onChange} />,
  );
  return { onChange, user: userEvent.setup() };
}

afterEach(cleanup);

describe('SettingControl', () => {
  it('names a number by its run and setting, and ends its hint with the range', () => {
    renderControl('learningRate');
    expect(
      screen.getByRole('spinbutton', { name: 'Net: Learning rate' }),
    ).toHaveAccessibleDescription('The size of each update step. A number from 0.0001 to 10.');
  });

  it('holds a CNN’s depth to the CNN’s limit, as the Lab form does', () => {
    renderControl('depth', cnn);
    const depth = screen.getByRole('spinbutton', { name: 'Net: Depth' });
    expect(depth).toHaveAttribute('max', '16');
    expect(depth).toHaveAccessibleDescription(/A whole number from 1 to 16\.$/);
  });

  it('shows the choices the other settings rule out as disabled, with the reason', () => {
    renderControl('norm');
    expect(screen.getByRole('option', { name: 'InstanceNorm (CNN only)' })).toBeDisabled();
    expect(screen.getByRole('option', { name: 'BatchNorm' })).toBeEnabled();
  });

  it('offers only group counts that divide the width, and reports the number chosen', async () => {
    const { onChange, user } = renderControl('groups', {
      ...DEFAULT_RUN_SETTINGS,
      norm: 'groupNorm',
      width: 12,
    });
    const groups = screen.getByRole('combobox', { name: 'Net: Groups' });
    expect(optionTexts(groups)).toEqual(['1', '2', '3', '4', '6', '12']);
    await user.selectOptions(groups, '6');
    expect(onChange).toHaveBeenCalledWith('groups', 6);
  });

  it('offers the built-in datasets only: own data belongs to the Lab', () => {
    renderControl('dataset');
    const options = within(screen.getByRole('combobox', { name: 'Net: Dataset' }))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(options).toContain('spiral');
    expect(options).toContain('mnist14');
    expect(options).not.toContain('csv');
    expect(options).not.toContain('drawn');
  });

  it('makes a flag a checkbox', async () => {
    const { onChange, user } = renderControl('residual', cnn);
    await user.click(screen.getByRole('checkbox', { name: 'Net: Residual connections' }));
    expect(onChange).toHaveBeenCalledWith('residual', false);
  });
});
