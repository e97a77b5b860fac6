import { useId, useState, type ChangeEvent } from 'react';
import { useLabStore } from '../../store/labStore';
import type { LabState } from '../../store/labState';
import { ConfirmDialog } from './ConfirmDialog';

const selectExport = (s: LabState) => s.exportProgress;
const selectImport = (s: LabState) => s.importProgress;
const selectReset = (s: LabState) => s.resetProgress;

/** The name of an export file: normlab-progress-2025-03-12.json. */
export function exportFileName(now: Date): string {
  return `normlab-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** Save progress to a file, bring it back (on another browser too), or start over. */
export function ProgressTools() {
  const exportProgress = useLabStore(selectExport);
  const importProgress = useLabStore(selectImport);
  const resetProgress = useLabStore(selectReset);
  const headingId = useId();
  const importId = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);

  const download = (): void => {
    const blob = new Blob([exportProgress()], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(new Date());
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
    setMessage({ ok: true, text: `Saved ${link.download} to your downloads.` });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({
        ok: false,
        text: `${file.name} could not be read. Your progress was not changed.`,
      });
      return;
    }
    const result = importProgress(text);
    setMessage({ ok: result.ok, text: result.message });
  };

  return (
    <section className="nl-progress-tools" aria-labelledby={headingId}>
      <h2 id={headingId}>Your progress</h2>
      <p>
        Your answers, checkpoints and completed lessons are saved in this browser. Export them to a
        file to keep a copy or to continue on another computer.
      </p>
      <div className="nl-progress-tools__actions">
        <button type="button" className="nl-button" onClick={download}>
          Export progress
        </button>
        <div className="nl-field">
          <label className="nl-field__label" htmlFor={importId}>
            Import progress from a file
          </label>
          <input
            id={importId}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${importId}-hint`}
            onChange={(event) => void onFile(event)}
          />
          <p className="nl-field__hint" id={`${importId}-hint`}>
            A file made with “Export progress”. It replaces the progress saved here.
          </p>
        </div>
        <button
          type="button"
          className="nl-button nl-button--danger"
          onClick={() => setConfirming(true)}
        >
          Reset progress…
        </button>
      </div>
      <div
        role="status"
        className={`nl-tools-message${message ? (message.ok ? ' nl-tools-message--ok' : ' nl-tools-message--error') : ''}`}
      >
        {message?.text}
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Reset all progress?"
          message="This clears every answer, checkpoint, practice exercise and completed lesson saved in this browser, and locks every lesson but the first again. It cannot be undone; export your progress first if you might want it back."
          confirmLabel="Reset progress"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            resetProgress();
            setConfirming(false);
            setMessage({ ok: true, text: 'Progress reset.' });
          }}
        />
      ) : null}
    </section>
  );
}
