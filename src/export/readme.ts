import type { ExportSetup } from './exportSetup';
import { datasetDescription } from './python/dataCode';

/** README.md of an export: what it reproduces, how to run it, and what "the same curve" means. */
export function exportReadme(setup: ExportSetup): string {
  const link = setup.link ? `\nOpen it in the app: ${setup.link}\n` : '';
  return `# ${setup.title}, in PyTorch

This folder reproduces a normlab run in real PyTorch: the same network (its layers carry the app's
names, so \`fc1.weight\` here is \`fc1.weight\` there), the same data, the same batches in the same
order and the same initial weights, trained with the same optimizer.
${link}
## Files

- \`train.py\`: the script. It needs only \`torch\` and \`numpy\` and runs on the CPU.
- \`train.ipynb\`: the same code as a Jupyter notebook, one cell per part.
- \`data.npz\`: ${datasetDescription(setup.dataset)}, as the float32 arrays the app trained on
  (\`x_train\`, \`y_train\`) and validated on (\`x_val\`, \`y_val\`).
- \`initial_weights.npz\`: the app's initial weights and buffers, by PyTorch state_dict name.

## Run it

    python3 train.py                      # ${setup.steps} steps, with a progress line every ${setup.validationEvery}
    python3 train.py --steps 200 --json   # only {"losses": [...]}: the training loss of each step

In the app's folder, \`npm run -s trajectory -- '<the same Lab link>' --steps 200 --json\` prints the
browser engine's losses in the same form, so the two lists can be compared number by number.

## What "the same curve" means

The app computes in float32, as PyTorch does, but adds numbers up in a different order (a matrix
product, a mean over a batch). Each such sum may differ in its last bit or two, about one part in
ten million. Such differences grow as training goes on, so the first steps agree to about four
significant digits and later steps agree in their trend and level rather than digit by digit.
normlab's test suite checks this on every change: the first 20 losses agree within a relative
1e-3, and the mean loss of steps 181 to 200 within 2%.

\`init_weights\` in \`train.py\` applies the run's initialization with \`torch.nn.init\`. PyTorch's
random numbers are not the app's, so the script then loads the app's own draw from
\`initial_weights.npz\`; delete that line to start from PyTorch's draw of the same distribution.
The data order comes from a small sampler that repeats the app's shuffle for the same reason.
`;
}
