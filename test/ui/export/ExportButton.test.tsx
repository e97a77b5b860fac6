// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportSetupOf } from '../../../src/export/exportSetup';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { ExportButton } from '../../../src/ui/export/ExportButton';
import { ExperimentCodeTabs } from '../../../src/ui/export/ExperimentCodeTabs';

afterEach(cleanup);

const runs = () => [
  { setup: exportSetupOf(DEFAULT_RUN_SETTINGS, { title: 'Lab run A' }), folder: 'run-a' },
];

describe('ExportButton', () => {
  it('zips the runs as they are when pressed, downloads the zip and says so', async () => {
    let finish: (bytes: Uint8Array) => void = () => undefined;
    const zipper = vi.fn(() => new Promise<Uint8Array>((resolve) => (finish = resolve)));
    const save = vi.fn();
    render(<ExportButton runs={runs} name="normlab-lab-run-a" zipper={zipper} save={save} />);
    const button = screen.getByRole('button', { name: 'Export to PyTorch' });
    await userEvent.click(button);
    expect(button).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Preparing the export…');
    expect(zipper).toHaveBeenCalledWith(runs(), 'normlab-lab-run-a');
    finish(Uint8Array.from([1, 2, 3]));
    expect(await screen.findByText(/Downloaded normlab-lab-run-a\.zip/)).toBeInTheDocument();
    expect(save).toHaveBeenCalledWith(Uint8Array.from([1, 2, 3]), 'normlab-lab-run-a.zip');
    expect(button).toBeEnabled();
  });

  it('shows why an export failed and lets the learner try again', async () => {
    const zipper = vi.fn(() => Promise.reject(new Error('Could not load MNIST (offline).')));
    render(<ExportButton runs={runs} name="x" zipper={zipper} save={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Export to PyTorch' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The export failed: Could not load MNIST (offline).',
    );
    expect(screen.getByRole('button', { name: 'Export to PyTorch' })).toBeEnabled();
  });
});

describe('ExperimentCodeTabs', () => {
  it('shows the generated PyTorch code of the chosen run on a tab beside the experiment', async () => {
    const labelled = () => [
      {
        ...runs()[0]!,
        label: 'Plain',
      },
      {
        setup: exportSetupOf(
          { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' },
          { title: 'Exp, run "BatchNorm"' },
        ),
        folder: 'batchnorm',
        label: 'BatchNorm',
      },
    ];
    render(
      <ExperimentCodeTabs runs={labelled} name="normlab-l-e">
        <p>the experiment</p>
      </ExperimentCodeTabs>,
    );
    expect(screen.getByText('the experiment')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Export to PyTorch' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'PyTorch' }));
    // the experiment stays mounted (its runs keep training), only hidden
    expect(screen.getByText('the experiment')).not.toBeVisible();
    const code = screen.getByLabelText('PyTorch code for run Plain');
    expect(code).toHaveTextContent('class Net(nn.Module):');
    expect(code).toHaveTextContent('model.eval()');
    expect(code).toHaveTextContent('with torch.no_grad():');
    expect(code).not.toHaveTextContent('BatchNorm1d');
    await userEvent.selectOptions(screen.getByLabelText('Run'), 'BatchNorm');
    expect(screen.getByLabelText('PyTorch code for run BatchNorm')).toHaveTextContent(
      'self.norm1 = nn.BatchNorm1d(32)',
    );
  });

  it('writes a run with ghost batches with its GhostBatchNorm1d, beside the others', async () => {
    const ghost = { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' as const, ghostBatch: 8 };
    const labelled = () => [
      {
        setup: exportSetupOf(ghost, { title: 'Exp, run "Ghost"' }),
        folder: 'ghost',
        label: 'Ghost',
      },
      { ...runs()[0]!, label: 'Plain' },
    ];
    render(
      <ExperimentCodeTabs runs={labelled} name="normlab-l-e">
        <p>the experiment</p>
      </ExperimentCodeTabs>,
    );
    await userEvent.click(screen.getByRole('tab', { name: 'PyTorch' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const code = screen.getByLabelText('PyTorch code for run Ghost');
    expect(code).toHaveTextContent('class GhostBatchNorm1d(nn.BatchNorm1d):');
    expect(code).toHaveTextContent('self.norm1 = GhostBatchNorm1d(32, 8)');
    await userEvent.selectOptions(screen.getByLabelText('Run'), 'Plain');
    expect(screen.getByLabelText('PyTorch code for run Plain')).not.toHaveTextContent('Ghost');
  });
});
