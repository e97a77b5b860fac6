// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Widget } from '../../../src/lessons/schema';
import { WidgetView } from '../../../src/ui/widgets/WidgetView';
import { setupChartTests } from '../charts/chartTestEnvironment';
import { renderWithWorkers } from './fakeWorkers';

setupChartTests();

const WIDGETS: Widget[] = [
  {
    widget: 'depthProbe',
    title: 'Probe',
    depth: 5,
    width: 16,
    activation: 'relu',
    init: 'kaimingNormal',
    norm: 'none',
    expect: [],
  },
  { widget: 'lossContours', title: 'Contours', condition: 10 },
  { widget: 'axesCube', title: 'Cube' },
  { widget: 'engineSource', title: 'Source', file: 'layers/linear.ts' },
  { widget: 'initBuilder', title: 'Builder', fanIn: 64, fanOut: 32 },
  {
    widget: 'depthSweep',
    expect: [],
    title: 'Sweep',
    depths: [2, 4],
    steps: 20,
    configs: [{ label: 'Plain', settings: {} }],
  },
];

describe('WidgetView', () => {
  for (const widget of WIDGETS) {
    it(`renders a ${widget.widget} block as a titled region`, () => {
      renderWithWorkers(<WidgetView widget={widget} />);
      expect(screen.getByRole('region', { name: widget.title })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  }

  it('keeps a failing widget inside its own error box', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // A condition below 1 cannot come from a valid lesson; it makes the widget throw while drawing.
    renderWithWorkers(
      <WidgetView widget={{ widget: 'lossContours', title: 'Broken', condition: 0.5 }} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“Broken” stopped working: unscaledProblem: the condition number must be ≥ 1, got 0.5. The rest of the lesson still works.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
