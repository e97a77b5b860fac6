import './export.css';
import { useId, useState } from 'react';
import { zipInWorker, downloadFile, type ExportZipper } from '../../export/exportClient';
import type { ExportRun } from '../../export/exportBundle';

export interface ExportButtonProps {
  /** The runs to export, computed when the button is pressed (settings may have changed). */
  readonly runs: () => readonly ExportRun[];
  /** The zip's name, without .zip. */
  readonly name: string;
  /** Builds the zip; the app uses a worker, tests a fake. */
  readonly zipper?: ExportZipper;
  readonly save?: (bytes: Uint8Array, fileName: string) => void;
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'done'; readonly fileName: string }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Export to PyTorch": downloads a zip with train.py, a notebook, the exact data, the initial weights
 * and a README, which reproduce the run's loss curve in real PyTorch.
 */
export function ExportButton({
  runs,
  name,
  zipper = zipInWorker,
  save = downloadFile,
}: ExportButtonProps) {
  const hintId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onClick = async (): Promise<void> => {
    setState({ kind: 'working' });
    const fileName = `${name}.zip`;
    try {
      save(await zipper(runs(), name), fileName);
      setState({ kind: 'done', fileName });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span className="nl-export">
      <button
        type="button"
        className="nl-button"
        disabled={state.kind === 'working'}
        aria-describedby={hintId}
        onClick={() => void onClick()}
      >
        Export to PyTorch
      </button>
      <span id={hintId} className="nl-visually-hidden">
        Downloads a zip with train.py, a notebook, the exact data and initial weights, which train
        the same network in PyTorch to the same loss curve.
      </span>
      <span className="nl-hint" role="status">
        {state.kind === 'working'
          ? 'Preparing the export…'
          : state.kind === 'done'
            ? `Downloaded ${state.fileName}: run python3 train.py inside it.`
            : ''}
      </span>
      {state.kind === 'failed' ? (
        <span className="nl-message nl-message--error" role="alert">
          The export failed: {state.message}
        </span>
      ) : null}
    </span>
  );
}
