import { useId, useMemo, useState } from 'react';
import type { ExportRun } from '../../export/exportBundle';
import { trainScript } from '../../export/python/trainScript';

export interface PytorchCodeProps {
  /** One entry per run, labelled as the experiment labels it. */
  readonly runs: readonly (ExportRun & { readonly label: string })[];
}

/**
 * The PyTorch equivalent of an experiment's run, from the same generator as the export's train.py,
 * so what a learner reads here is the code the download runs.
 */
export function PytorchCode({ runs }: PytorchCodeProps) {
  const selectId = useId();
  const [index, setIndex] = useState(0);
  const run = runs[Math.min(index, runs.length - 1)];
  const code = useMemo(() => {
    if (!run) return { ok: false as const, message: 'This experiment has no run.' };
    try {
      return { ok: true as const, text: trainScript(run.setup) };
    } catch (error) {
      return {
        ok: false as const,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }, [run]);
  return (
    <div className="nl-pytorch-code">
      <p className="nl-hint">
        The same network, initialization, optimizer and training loop in PyTorch, written from this
        experiment&apos;s current settings. It is the <code>train.py</code> of Export to PyTorch,
        which also holds the data and initial weights it loads.
      </p>
      {runs.length > 1 ? (
        <p>
          <label htmlFor={selectId}>Run </label>
          <select id={selectId} value={index} onChange={(e) => setIndex(Number(e.target.value))}>
            {runs.map((r, i) => (
              <option key={r.label} value={i}>
                {r.label}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {code.ok ? (
        <pre
          className="nl-pytorch-code__source"
          tabIndex={0}
          aria-label={`PyTorch code for run ${run?.label ?? ''}`}
        >
          <code>{code.text}</code>
        </pre>
      ) : (
        <p className="nl-message nl-message--error" role="alert">
          {code.message}
        </p>
      )}
    </div>
  );
}
