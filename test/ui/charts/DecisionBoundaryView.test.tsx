// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecisionBoundaryView } from '../../../src/ui/charts/DecisionBoundaryView';
import type { DecisionBoundary } from '../../../src/worker/protocol';
import {
  blankImageData,
  installFakeContext,
  listItemTexts,
  setupChartTests,
} from './chartTestEnvironment';

setupChartTests();

const TITLE = 'Decision boundary';
const boundary: DecisionBoundary = {
  size: 2,
  extent: 1.5,
  // cells: class 0, class 1, class 1, class 1 → 25% / 75%
  probabilities: Float32Array.from([0.9, 0.1, 0.2, 0.8, 0.4, 0.6, 0.1, 0.9]),
};
const points = { x: Float32Array.from([0.5, 0.5, -0.5, -0.5]), y: Int32Array.from([0, 1]) };

describe('DecisionBoundaryView', () => {
  it('summarises the predicted regions and lists classes by colour and shape', () => {
    render(<DecisionBoundaryView boundary={boundary} points={points} step={40} />);
    expect(screen.getByRole('figure', { name: TITLE })).toHaveAccessibleDescription(
      'At step 40, the model predicts Class 1 on 25% of the plane and Class 2 on 75% of the plane. ' +
        'Where the colours blend, the model is unsure. 2 training points are drawn on top, shaped by class.',
    );
    expect(listItemTexts('Classes')).toEqual(['Class 1', 'Class 2']);
    expect(screen.getByText('x₁')).toBeInTheDocument();
    expect(screen.getByText('x₂')).toBeInTheDocument();
  });

  it('draws the regions and one marker per training point when a context exists', () => {
    const calls: string[] = [];
    installFakeContext({
      setTransform: () => undefined,
      fillRect: () => undefined,
      createImageData: blankImageData,
      putImageData: () => void calls.push('putImageData'),
      drawImage: () => void calls.push('drawImage'),
      beginPath: () => undefined,
      moveTo: () => undefined,
      lineTo: () => undefined,
      arc: () => undefined,
      closePath: () => undefined,
      fill: () => void calls.push('fill'),
      stroke: () => undefined,
    });
    render(<DecisionBoundaryView boundary={boundary} points={points} />);
    expect(calls.filter((c) => c === 'drawImage')).toHaveLength(1);
    expect(calls.filter((c) => c === 'fill')).toHaveLength(2);
  });

  it('shows the points with a note before the first boundary arrives', () => {
    render(<DecisionBoundaryView points={points} numClasses={2} />);
    expect(
      screen.getByText('The predicted regions appear after the first training step.'),
    ).toBeInTheDocument();
  });

  it('explains a malformed grid instead of drawing nonsense', () => {
    render(
      <DecisionBoundaryView
        boundary={{ size: 3, extent: 1.5, probabilities: new Float32Array(10) }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The decision boundary cannot be drawn: 10 probabilities do not fill a 3 × 3 grid.',
    );
  });
});
