// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { InitBuilderWidget } from '../../../src/ui/widgets/InitBuilderWidget';
import { setupChartTests } from '../charts/chartTestEnvironment';

setupChartTests();

const widget = {
  widget: 'initBuilder',
  title: 'Build your own init',
  fanIn: 256,
  fanOut: 128,
} as const;
const formula = () => screen.getByText(/^w ~/);
const histogram = () => screen.getByRole('figure', { name: 'Histogram of the drawn weights' });

describe('InitBuilderWidget', () => {
  it('starts at Kaiming normal and shows the formula, the histogram and how well the draw fits it', () => {
    render(<InitBuilderWidget widget={widget} />);
    expect(screen.getByRole('radio', { name: 'Normal' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Fan in' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Gain' })).toHaveValue('relu');
    // std = 1 × √2 / √256 = 0.08839
    expect(formula()).toHaveTextContent(
      'w ~ N(0, std²), std = multiplier × gain / √fan_in = 1 × √2 / √256 = 0.08839',
    );
    expect(
      screen.getByText(/this is exactly Kaiming \(He\) normal, for ReLU\.$/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kaiming (He) normal, for ReLU' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(histogram()).toHaveAccessibleDescription(
      /^32,768 weights drawn: measured std 0\.08\d+ against the formula's 0\.0884; largest \|w\| /,
    );
  });

  it('switches to uniform and draws the ±b bound lines', async () => {
    const user = userEvent.setup();
    const { container } = render(<InitBuilderWidget widget={widget} />);
    const linesBefore = container.querySelectorAll('.nl-histogram line').length;
    await user.click(screen.getByRole('radio', { name: 'Uniform' }));
    // b = √2 · √(3/256) = 0.1531
    expect(formula()).toHaveTextContent(
      'w ~ U(−b, b), b = multiplier × gain × √(3 / fan_in) = 1 × √2 × √(3 / 256) = 0.1531 (std = b/√3 = 0.08839)',
    );
    expect(container.querySelectorAll('.nl-histogram line').length).toBe(linesBefore + 2);
    expect(histogram()).toHaveAccessibleDescription(
      /every weight within ±0\.153 \(largest \|w\| 0\.15\d*\)\.$/,
    );
  });

  it('loads the named schemes to compare with', async () => {
    const user = userEvent.setup();
    render(<InitBuilderWidget widget={widget} />);
    await user.click(screen.getByRole('button', { name: 'PyTorch default (nn.Linear)' }));
    expect(screen.getByRole('radio', { name: 'Uniform' })).toBeChecked();
    // PyTorch's default: b = 1/√fan_in = 1/16
    expect(formula()).toHaveTextContent('= 0.0625 (std = b/√3 = 0.03608)');
    expect(
      screen.getByText(/this is exactly PyTorch default \(nn\.Linear\)\.$/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xavier (Glorot) normal' }));
    expect(screen.getByRole('radio', { name: 'Average' })).toBeChecked();
    // std = √(2 / (256 + 128)) = 0.07217
    expect(formula()).toHaveTextContent(
      '= 1 × 1 / √192 = 0.07217, where fan_avg = (fan_in + fan_out) / 2',
    );
  });

  it('takes a custom gain and explains one it cannot use', async () => {
    const user = userEvent.setup();
    render(<InitBuilderWidget widget={widget} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Gain' }), 'custom');
    const gain = screen.getByRole('textbox', { name: 'Custom gain' });
    await user.clear(gain);
    await user.type(gain, '2');
    expect(formula()).toHaveTextContent('= 1 × 2 / √256 = 0.125');
    await user.type(gain, '0');
    expect(gain).toHaveAccessibleDescription(
      /“20” is not a number from 0\.01 to 10; the widget keeps 2\.$/,
    );
    expect(formula()).toHaveTextContent('= 0.125');
  });

  it('scales with the multiplier slider', () => {
    render(<InitBuilderWidget widget={widget} />);
    fireEvent.change(screen.getByRole('slider', { name: 'Multiplier' }), {
      target: { value: '3' },
    });
    expect(formula()).toHaveTextContent('= 3 × √2 / √256 = 0.2652');
    expect(screen.getByRole('slider', { name: 'Multiplier' })).toHaveAttribute(
      'aria-valuetext',
      '× 3',
    );
  });

  it('refuses to draw a weight too large to draw live, saying why', () => {
    render(<InitBuilderWidget widget={{ ...widget, fanIn: 4096, fanOut: 4096 }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A 4096 × 4096 weight has 16,777,216 values, more than the 1,048,576 this widget draws live; use smaller fans.',
    );
  });
});
