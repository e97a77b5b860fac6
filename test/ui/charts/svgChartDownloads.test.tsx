// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScheduleShapes, stepDecay, warmupCosine } from '../../../src/ui/lessons/ScheduleShapes';
import { sweepChartData } from '../../../src/ui/widgets/SweepChart';
import { wideTable } from '../../../src/ui/charts/exporting/chartTable';
import type { SweepCell } from '../../../src/lessons/widgets/depthSweep';
import type { SweepCellResult } from '../../../src/worker/sweepProtocol';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { setupChartTests } from './chartTestEnvironment';

setupChartTests();

/** The files the page hands the browser to save, read back as text. */
function captureDownloads(): { name: string; text: () => Promise<string> }[] {
  const saved: { name: string; text: () => Promise<string> }[] = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:chart';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const file = blob!;
    saved.push({
      name: this.download,
      text: () =>
        new Promise((done) => {
          const reader = new FileReader();
          reader.onload = () => done(reader.result as string);
          reader.readAsText(file);
        }),
    });
  });
  return saved;
}

describe('downloads of charts drawn in SVG (recharts and our own)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the schedule shapes download as CSV: the step first, one column per schedule, every step', async () => {
    const saved = captureDownloads();
    render(<ScheduleShapes />);
    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV: Three learning-rate schedules' }),
    );
    expect(saved.map((f) => f.name)).toEqual(['three-learning-rate-schedules.csv']);
    const lines = (await saved[0]!.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Step,constant (Learning rate),step decay (÷10 at 50% and 75%) (Learning rate),' +
        '"warm-up, then cosine decay (Learning rate)"',
    );
    expect(lines).toHaveLength(101);
    expect(lines[51]).toBe(`50,0.1,${stepDecay(50)},${warmupCosine(50)}`);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Saved three-learning-rate-schedules.csv: 4 columns (Step first), 100 rows.',
    );
  });

  it('the depth sweep’s table has a depth column and each configuration’s final loss, empty where it diverged', () => {
    const cell = (configIndex: number, depth: number): SweepCell => ({
      configIndex,
      label: configIndex === 0 ? 'Plain' : 'BatchNorm',
      depth,
      settings: { ...DEFAULT_RUN_SETTINGS, depth },
    });
    const cells = [cell(0, 2), cell(0, 8), cell(1, 2), cell(1, 8)];
    const done = { steps: 200, finalLoss: 0.2, accuracy: 0.9 };
    const results = new Map<number, SweepCellResult>([
      [0, done],
      [1, { steps: 12, divergedAt: 12 }],
      [2, { ...done, finalLoss: 0.1 }],
    ]);
    const data = sweepChartData(cells, ['Plain', 'BatchNorm'], results);
    expect(wideTable(data.xHeader, data.columns)).toEqual({
      header: ['Depth (hidden layers)', 'Plain (Final loss)', 'BatchNorm (Final loss)'],
      rows: [
        ['2', '0.2', '0.1'],
        ['8', '', ''],
      ],
    });
  });
});
