import { useId, useState, type ChangeEvent } from 'react';
import { downloadFile } from '../../export/exportClient';
import { useAppStore } from '../../store/appStore';
import type { AppState } from '../../store/appState';
import {
  MAX_IMPORT_BYTES,
  selectCanUndoImport,
  selectKeptProgress,
  type ImportMode,
} from '../../store/progressSlice';
import type { KeptRecord } from '../../store/progressStorage';
import { ConfirmDialog } from './ConfirmDialog';

const selectExport = (s: AppState) => s.exportProgress;
const selectPreview = (s: AppState) => s.previewImport;
const selectImport = (s: AppState) => s.importProgress;
const selectUndo = (s: AppState) => s.undoImport;
const selectForgetKept = (s: AppState) => s.forgetKeptProgress;
const selectReset = (s: AppState) => s.resetProgress;

/** Offers a progress record's JSON text as a download named `name`. */
function downloadText(text: string, name: string): void {
  downloadFile(new TextEncoder().encode(text), name, 'application/json');
}

interface PendingImport {
  readonly file: string;
  readonly text: string;
  readonly holds: string;
  readonly current: string;
  readonly addsSomething: boolean;
}

/** The name of an export file: normlab-progress-2025-03-12.json. */
export function exportFileName(now: Date): string {
  return `normlab-progress-${now.toISOString().slice(0, 10)}.json`;
}

/** Save progress to a file, bring it back (on another browser too), or start over. */
export function ProgressTools() {
  const exportProgress = useAppStore(selectExport);
  const previewImport = useAppStore(selectPreview);
  const importProgress = useAppStore(selectImport);
  const undoImport = useAppStore(selectUndo);
  const canUndo = useAppStore(selectCanUndoImport);
  const kept = useAppStore(selectKeptProgress);
  const forgetKept = useAppStore(selectForgetKept);
  const resetProgress = useAppStore(selectReset);
  const headingId = useId();
  const importId = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState<PendingImport | undefined>(undefined);
  const [forgetting, setForgetting] = useState<KeptRecord | undefined>(undefined);

  const download = (): void => {
    const name = exportFileName(new Date());
    downloadText(exportProgress(), name);
    setMessage({ ok: true, text: `Saved ${name} to your downloads.` });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const refuse = (why: string) =>
      setMessage({ ok: false, text: `${file.name} ${why}. Your progress was not changed.` });
    if (file.size > MAX_IMPORT_BYTES) {
      refuse(
        `is ${(file.size / 1_000_000).toFixed(1)} MB, more than a progress file can be (at most 1 MB; a whole course is about 40 KB)`,
      );
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse('could not be read');
      return;
    }
    const preview = previewImport(text);
    if (!preview.ok) {
      setMessage({ ok: false, text: preview.message });
      return;
    }
    setPending({ file: file.name, text, ...preview });
  };

  const runImport = (mode: ImportMode): void => {
    if (!pending) return;
    const result = importProgress(pending.text, mode);
    setPending(undefined);
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
            A file made with “Export progress”. It is merged into the progress saved here unless you
            choose to replace it, and you can undo an import.
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
      {canUndo ? (
        <button
          type="button"
          className="nl-button"
          onClick={() => {
            const result = undoImport();
            setMessage({ ok: result.ok, text: result.message });
          }}
        >
          Undo import
        </button>
      ) : null}
      {kept.length > 0 ? (
        <div className="nl-progress-tools__kept">
          <h3>Saved progress this page could not read</h3>
          <p>
            {kept.length === 1 ? 'A saved record was' : `${kept.length} saved records were`} kept
            aside unchanged because this version of normlab cannot read{' '}
            {kept.length === 1 ? 'it' : 'them'} (saved by a newer version, or damaged). Export{' '}
            {kept.length === 1 ? 'it' : 'them'} to keep a copy, or open{' '}
            {kept.length === 1 ? 'it' : 'them'} with the version that saved{' '}
            {kept.length === 1 ? 'it' : 'them'}.
          </p>
          <ul>
            {kept.map((record) => {
              const day = record.keptAt.slice(0, 10);
              return (
                <li key={record.keptAt}>
                  Kept on {day} ({(record.text.length / 1000).toFixed(1)} KB){' '}
                  <button
                    type="button"
                    className="nl-button"
                    aria-label={`Export the record kept on ${day}`}
                    onClick={() => {
                      const name = `normlab-progress-kept-${day}.json`;
                      downloadText(record.text, name);
                      setMessage({ ok: true, text: `Saved ${name} to your downloads.` });
                    }}
                  >
                    Export
                  </button>{' '}
                  {record.key ? (
                    <button
                      type="button"
                      className="nl-button nl-button--quiet"
                      aria-label={`Delete the record kept on ${day}…`}
                      onClick={() => setForgetting(record)}
                    >
                      Delete…
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={`Import ${pending.file}?`}
          message={`The file holds ${pending.holds}. This browser holds ${pending.current}. ${
            pending.addsSomething
              ? 'Merge keeps everything from both.'
              : 'Everything in the file is already here, so merging changes nothing.'
          } Replace makes this browser's progress exactly the file's, dropping what the file lacks. You can undo either right after.`}
          alternative={{ label: 'Replace my progress', onChoose: () => runImport('replace') }}
          confirmLabel="Merge into my progress"
          danger={false}
          onCancel={() => {
            setPending(undefined);
            setMessage({ ok: true, text: 'Import cancelled. Your progress was not changed.' });
          }}
          onConfirm={() => runImport('merge')}
        />
      ) : null}
      {forgetting?.key ? (
        <ConfirmDialog
          title="Delete the kept record?"
          message="The record this page could not read will be deleted from this browser. Export it first if you might want it back."
          confirmLabel="Delete it"
          onCancel={() => setForgetting(undefined)}
          onConfirm={() => {
            if (forgetting.key) forgetKept(forgetting.key);
            setForgetting(undefined);
            setMessage({ ok: true, text: 'The kept record was deleted.' });
          }}
        />
      ) : null}
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
