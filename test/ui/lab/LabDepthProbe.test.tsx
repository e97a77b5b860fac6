// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import { LabPage } from '../../../src/ui/lab/LabPage';
import { setupLabTests } from './labTestEnvironment';

const { probeWorkers } = setupLabTests();

/**
 * Answers the probe worker's requests with the engine's real probe until none is waiting (the Lab
 * sends its newest request once the one in flight is answered), and returns the last one's options.
 */
function answerProbes() {
  const probe = probeWorkers()[0]!;
  let answered = 0;
  for (;;) {
    const requests = probe.sent.filter((m) => m.type === 'depthProbe');
    const request = requests[answered];
    if (request?.type !== 'depthProbe') break;
    act(() =>
      probe.emit({ type: 'depthProbe', id: request.id, result: depthProbe(request.options) }),
    );
    answered++;
  }
  const last = probe.sent.filter((m) => m.type === 'depthProbe').at(-1);
  if (last?.type !== 'depthProbe') throw new Error('the Lab asked for no depth probe');
  return last.options;
}

function renderLab() {
  window.history.replaceState(null, '', '/#/lab');
  const user = userEvent.setup();
  render(<LabPage />);
  return user;
}

describe("the Lab's depth probe of a residual MLP", () => {
  it('probes the residual MLP block by block and says what each point is', async () => {
    const user = renderLab();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Normalization' }), 'batchNorm');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Architecture' }), 'resmlp');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Branch scale at init' }),
      'zeroGamma',
    );
    const options = answerProbes();
    expect(options.residualMlp).toEqual({
      normPlacement: 'before',
      branchInit: 'zeroGamma',
      bias: false,
    });

    const figure = screen.getByRole('figure', { name: 'Signal at initialization' });
    expect(
      within(figure).getByText(
        /^Setting: 4 residual blocks of two layers after a first layer, width 32, ReLU, .* init, BatchNorm, branch scale at init: Zero γ/,
      ),
    ).toBeInTheDocument();
    expect(
      within(figure).getByRole('heading', { name: 'Gradient norm per block' }),
    ).toBeInTheDocument();
    expect(
      within(figure).getByRole('heading', { name: 'Activation std per block' }),
    ).toBeInTheDocument();
    const legend = within(figure).getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "‖∂L/∂h‖: gradient at the block's output",
      '‖∂L/∂W‖: gradient of its two weight matrices',
    ]);
    expect(
      within(figure).getByText(/^Each point is a residual block of two layers/),
    ).toHaveTextContent(/gradients of its two weight matrices together/);
    // Zero γ switches every branch off at initialization: the weights get no gradient yet, and the
    // panel says why instead of drawing nothing.
    expect(
      within(figure).getByText(
        /^The weight gradient is exactly 0 at blocks 1–4: no gradient reaches/,
      ),
    ).toBeInTheDocument();
  });

  it('explains that a CNN has no probe', async () => {
    const user = renderLab();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Dataset' }), 'mnist14');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Architecture' }), 'cnn');
    expect(
      await screen.findByText(
        'The signal probe measures fully connected networks. Switch the architecture to MLP or residual MLP to see how the signal changes with depth.',
      ),
    ).toBeInTheDocument();
  });
});
