/**
 * Issue 10: every depth-probe picture (the Lab's panel, a lesson's probe widget, a chart-reading
 * quiz) draws two gradient curves and must say which is which and why they differ. One check, so
 * that each place that shows the panel asserts the same explanation.
 */
import { within } from '@testing-library/react';
import { expect } from 'vitest';

export const OUTPUT_GRADIENT = "‖∂L/∂h‖: gradient at the layer's output";
export const WEIGHT_GRADIENT = '‖∂L/∂W‖: gradient of its weights';

/**
 * The figure's legend names both curves (the weight gradient dashed), and its explanation says what
 * each is and why they differ: ∂L/∂W = δ·hᵀ, so a shrinking input cancels a growing δ.
 */
export function expectGradientCurvesExplained(figure: HTMLElement): void {
  const legend = within(figure).getByRole('list', { name: 'Legend' });
  const items = within(legend).getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual([OUTPUT_GRADIENT, WEIGHT_GRADIENT]);
  const dashOf = (item: HTMLElement) =>
    item.querySelector('line')?.getAttribute('stroke-dasharray') ?? null;
  expect(items.map(dashOf)).toEqual([null, '6 3']);

  const explanation = within(figure).getByText(/^Two gradients are drawn\./).textContent ?? '';
  const said = explanation.replace(/\s+/g, ' ');
  // which line is which
  expect(said).toContain(
    "The solid line, ‖∂L/∂h‖, is the gradient arriving at each layer's output",
  );
  expect(said).toContain("The dashed line, ‖∂L/∂W‖, is the gradient of the layer's weights");
  // why the first vanishes or explodes with depth
  expect(said).toContain('multiplies it by one Jacobian per layer');
  // why the second need not follow it, and when it does
  expect(said).toContain("∂L/∂W = δ·hᵀ, the back-propagated gradient δ times the layer's input h");
  expect(said).toContain('the two cancel and the dashed line is flat, but uniformly tiny');
  expect(said).toContain('When the inputs keep their size, it follows the solid line');
}
