// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AxesCubeWidget } from '../../../src/ui/widgets/AxesCubeWidget';

afterEach(cleanup);

const widget = { widget: 'axesCube', title: 'Which axes does each norm reduce?' } as const;
const coloured = (container: HTMLElement) =>
  container.querySelectorAll('rect[data-shared="true"]').length;

describe('AxesCubeWidget', () => {
  it('colours one channel across the whole batch for BatchNorm', () => {
    const { container } = render(<AxesCubeWidget widget={widget} />);
    expect(screen.getByRole('radio', { name: 'BatchNorm' })).toBeChecked();
    // (N, C, H, W) = (2, 4, 3, 3): N·H·W = 18 values share channel 1's statistics
    expect(coloured(container)).toBe(18);
    expect(container.querySelectorAll('rect')).toHaveLength(72);
    expect(screen.getByText(/^BatchNorm reduces over N, H and W/)).toBeInTheDocument();
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Coloured: channel 1 of every sample: 18 values normalized with one shared mean and variance.',
    );
  });

  it('switches to each method by keyboard and names the axes it reduces', async () => {
    const user = userEvent.setup();
    const { container } = render(<AxesCubeWidget widget={widget} />);
    screen.getByRole('radio', { name: 'BatchNorm' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'LayerNorm' })).toBeChecked();
    expect(coloured(container)).toBe(36); // C·H·W
    expect(screen.getByText(/^LayerNorm reduces over C, H and W/)).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'InstanceNorm' })).toBeChecked();
    expect(coloured(container)).toBe(9); // H·W
    expect(screen.getByText(/^InstanceNorm reduces over H and W only/)).toBeInTheDocument();
  });

  it('offers G only for GroupNorm, limited to divisors of C', async () => {
    const user = userEvent.setup();
    const { container } = render(<AxesCubeWidget widget={widget} />);
    expect(screen.queryByRole('combobox', { name: 'Groups G' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'GroupNorm' }));
    const groups = screen.getByRole('combobox', { name: 'Groups G' });
    expect(groups).toHaveAccessibleDescription(
      'GroupNorm splits the 4 channels into G groups; G must divide 4.',
    );
    expect([...groups.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '1',
      '2',
      '4',
    ]);
    expect(coloured(container)).toBe(18); // G = 2: 2 channels × 3 × 3
    await user.selectOptions(groups, '1');
    expect(coloured(container)).toBe(36); // = LayerNorm
    expect(screen.getByText(/With G = 1 it is LayerNorm\.$/)).toBeInTheDocument();
    await user.selectOptions(groups, '4');
    expect(coloured(container)).toBe(9); // = InstanceNorm
  });

  it('moves the highlighted group with the outlined sample and channel', async () => {
    const user = userEvent.setup();
    render(<AxesCubeWidget widget={widget} />);
    await user.click(screen.getByRole('radio', { name: 'GroupNorm' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outlined sample' }), 'Sample 2');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Outlined channel' }),
      'Channel 4',
    );
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Coloured: channels 3–4 of sample 2 (group 2 of 2): 18 values normalized with one shared mean and variance.',
    );
  });
});
