import type { ExportSetup } from './exportSetup';
import { trainSections } from './python/trainScript';

/** nbformat 4 splits a cell's source into lines that keep their newline. */
function sourceLines(text: string): string[] {
  const lines = text.trimEnd().split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

/** train.ipynb: a Markdown heading and a code cell per section of the same generator as train.py. */
export function trainNotebook(setup: ExportSetup): string {
  const cells = [
    {
      cell_type: 'markdown',
      metadata: {},
      source: sourceLines(
        `# ${setup.title}, in PyTorch\n\nExported from normlab: the same network, data, data order and initial weights as the app, so the loss curve is the same to float32 rounding. Keep \`data.npz\` and \`initial_weights.npz\` beside this notebook. Needs only \`torch\` and \`numpy\`.`,
      ),
    },
    ...trainSections(setup, 'notebook').flatMap((section) => [
      { cell_type: 'markdown', metadata: {}, source: [`## ${section.title}`] },
      {
        cell_type: 'code',
        execution_count: null,
        metadata: {},
        outputs: [],
        source: sourceLines(section.code),
      },
    ]),
  ];
  const notebook = {
    // nbformat 4.5 gives every cell an id
    cells: cells.map((cell, i) => ({ id: `cell-${i + 1}`, ...cell })),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
