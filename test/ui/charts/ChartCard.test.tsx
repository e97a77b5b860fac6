// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChartCard } from '../../../src/ui/charts/ChartCard';
import { setupChartTests } from './chartTestEnvironment';

setupChartTests();

function Fails({ when }: { readonly when: boolean }) {
  if (when) throw new Error('bins do not match');
  return <p>drawn</p>;
}

describe('ChartCard', () => {
  it('names the figure by its heading at the chosen level and describes it by the summary', () => {
    render(
      <ChartCard title="Loss" headingLevel={2} summary="Run A: training loss 0.42 at step 1,200.">
        <p>picture</p>
      </ChartCard>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Loss' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Loss' })).toHaveAccessibleDescription(
      'Run A: training loss 0.42 at step 1,200.',
    );
    expect(screen.getByText('Run A: training loss 0.42 at step 1,200.')).toHaveClass(
      'nl-visually-hidden',
    );
  });

  it('shows the empty message in place of the chart', () => {
    render(
      <ChartCard title="Loss" summary="unused" emptyMessage="Press Train to see the loss curve.">
        <p>picture</p>
      </ChartCard>,
    );
    expect(screen.queryByText('picture')).not.toBeInTheDocument();
    expect(screen.queryByText('unused')).not.toBeInTheDocument();
    expect(screen.getByText('Press Train to see the loss curve.')).toBeVisible();
  });

  it('contains a chart that throws and lets the learner retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    function Harness() {
      const [broken, setBroken] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setBroken(false)}>
            Fix data
          </button>
          <ChartCard title="Heatmap" summary="s">
            <Fails when={broken} />
          </ChartCard>
        </>
      );
    }
    render(<Harness />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The chart “Heatmap” could not be drawn: bins do not match. The other panels keep working.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Fix data' }));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('drawn')).toBeInTheDocument();
  });
});
