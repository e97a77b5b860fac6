// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DigitGrid } from '../../../src/ui/charts/DigitGrid';
import type { DigitPredictions } from '../../../src/worker/protocol';
import { setupChartTests } from './chartTestEnvironment';

setupChartTests();

const digits: DigitPredictions = {
  height: 2,
  width: 2,
  pixels: Float32Array.from([0, 1, 1, 0, 0.5, 0.5, 0.5, 0.5]),
  labels: Int32Array.from([7, 4]),
  predictions: Int32Array.from([7, 9]),
};

describe('DigitGrid', () => {
  it('labels every digit and marks wrong guesses with a word, not only colour', () => {
    render(<DigitGrid digits={digits} step={300} />);
    const [first, second] = screen.getAllByRole('listitem');
    expect(first).toHaveTextContent('✓ rightpredicted 7 (true 7)');
    expect(second).toHaveTextContent('✗ wrongpredicted 9 (true 4)');
    expect(second).toHaveClass('nl-digit--wrong');
    expect(screen.getByRole('figure', { name: 'Test digits' })).toHaveAccessibleDescription(
      'At step 300, 1 of 2 test digits is predicted correctly. Wrong: a 4 taken for a 9.',
    );
  });

  it('renders a single digit', () => {
    const one: DigitPredictions = {
      height: 1,
      width: 1,
      pixels: Float32Array.of(1),
      labels: Int32Array.of(3),
      predictions: Int32Array.of(3),
    };
    const { container } = render(<DigitGrid digits={one} />);
    expect(container.querySelectorAll('canvas')).toHaveLength(1);
    expect(screen.getByText('predicted 3 (true 3)')).toBeInTheDocument();
  });

  it('explains inconsistent data instead of drawing it', () => {
    render(<DigitGrid digits={{ ...digits, pixels: new Float32Array(3) }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The digits cannot be shown: 3 pixels do not make 2 images of 2 × 2.',
    );
  });
});
