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

  it('says on the PyTorch tab why a run with ghost batches is not written, and still shows the others', async () => {
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
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The PyTorch export does not write BatchNorm with ghost batches (here of 8 samples): torch has no such module. Set the ghost batch size to 0 (statistics over the whole batch) to export this run.',
    );
    expect(screen.queryByLabelText('PyTorch code for run Ghost')).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Run'), 'Plain');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByLabelText('PyTorch code for run Plain')).toHaveTextContent(
      'class Net(nn.Module):',
    );
  });
});
