// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DepthSweepWidget as DepthSweepData } from '../../../src/lessons/widgets/depthSweep';
import { DepthSweepWidget } from '../../../src/ui/widgets/DepthSweepWidget';
import { setupChartTests } from '../charts/chartTestEnvironment';
import { renderWithWorkers } from './fakeWorkers';

setupChartTests();

const WIDGET: DepthSweepData = {
  widget: 'depthSweep',
  expect: [],
  title: 'How deep can it go?',
  depths: [2, 8],
  steps: 150,
  configs: [
    { label: 'Plain', settings: { dataset: 'mnist14' } },
    { label: 'BatchNorm', settings: { dataset: 'mnist14', norm: 'batchNorm' } },
  ],
};

const row = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

describe('DepthSweepWidget', () => {
  it('waits for the learner before training anything', () => {
    const { sweep } = renderWithWorkers(<DepthSweepWidget widget={WIDGET} />);
    expect(sweep().sent).toEqual([]);
    expect(screen.getByText(/4 runs in all/)).toBeInTheDocument();
    expect(
      screen.getByText('Press Run sweep to train every configuration at every depth.'),
    ).toBeInTheDocument();
  });

  it('trains every configuration at every depth in its worker and fills in the table', async () => {
    const user = userEvent.setup();
    const { sweep } = renderWithWorkers(<DepthSweepWidget widget={WIDGET} />);
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    const start = sweep().sent[0];
    if (start?.type !== 'start') throw new Error('expected a start message');
    expect(start.steps).toBe(150);
    expect(start.cells.map((c) => `${c.norm}@${c.depth}`)).toEqual([
      'none@2',
      'none@8',
      'batchNorm@2',
      'batchNorm@8',
    ]);
    act(() => sweep().emit({ type: 'progress', id: start.id, cell: 0, step: 40 }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Training Plain at depth 2: step 40 of 150 (run 1 of 4).',
    );

    act(() => {
      sweep().emit({
        type: 'cell',
        id: start.id,
        cell: 0,
        result: { steps: 150, startLoss: 2.3, finalLoss: 0.6, accuracy: 0.82 },
      });
      sweep().emit({
        type: 'cell',
        id: start.id,
        cell: 1,
        result: { steps: 150, startLoss: 2.3, finalLoss: 2.29, accuracy: 0.11 },
      });
      sweep().emit({
        type: 'cell',
        id: start.id,
        cell: 2,
        result: { steps: 150, startLoss: 2.3, finalLoss: 0.4, accuracy: 0.9 },
      });
      sweep().emit({ type: 'cell', id: start.id, cell: 3, result: { steps: 17, divergedAt: 17 } });
      sweep().emit({ type: 'done', id: start.id });
    });
    const plain = within(row('Plain')).getAllByRole('cell');
    expect(plain.map((c) => c.textContent)).toEqual([
      'trainsloss 0.6, 82% accuracy',
      'stallsloss 2.29, 11% accuracy',
      '2',
    ]);
    const bn = within(row('BatchNorm')).getAllByRole('cell');
    expect(bn.map((c) => c.textContent)).toEqual([
      'trainsloss 0.4, 90% accuracy',
      'divergesdiverged at step 17',
      '2',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Finished all 4 runs.');
    expect(screen.getByRole('figure', { name: 'Final loss by depth' })).toHaveAccessibleDescription(
      'Plain trained up to depth 2; BatchNorm trained up to depth 2.',
    );
    expect(document.querySelectorAll('.nl-sweep__point')).toHaveLength(3);
    expect(document.querySelectorAll('.nl-sweep__diverged')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Run sweep again' })).toBeInTheDocument();
  });

  it('stops on request and ignores what the cancelled sweep still sends', async () => {
    const user = userEvent.setup();
    const { sweep } = renderWithWorkers(<DepthSweepWidget widget={WIDGET} />);
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    const start = sweep().sent[0]!;
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(sweep().sent[1]).toEqual({ type: 'cancel', id: start.id });
    expect(screen.getByRole('status')).toHaveTextContent('Stopped after 0 of 4 runs.');
    await user.click(screen.getByRole('button', { name: 'Run sweep again' }));
    const restart = sweep().sent[2]!;
    act(() =>
      sweep().emit({ type: 'cell', id: start.id, cell: 0, result: { steps: 150, finalLoss: 0.1 } }),
    );
    expect(within(row('Plain')).getAllByRole('cell')[0]).toHaveTextContent('—');
    expect(restart.id).not.toBe(start.id);
  });

  it('explains a worker that failed', async () => {
    const user = userEvent.setup();
    const { sweep } = renderWithWorkers(<DepthSweepWidget widget={WIDGET} />);
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    act(() => sweep().emit({ type: 'failed', message: 'The sweep worker stopped unexpectedly.' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'The sweep stopped: The sweep worker stopped unexpectedly.',
    );
  });
});
