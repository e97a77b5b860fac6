import { useEffect, useId, useRef } from 'react';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** A second, milder way to go on (Import offers Merge beside Replace); shown before the confirm. */
  readonly alternative?: { readonly label: string; readonly onChoose: () => void };
  /** Whether the confirm button is styled as destructive (the default). */
  readonly danger?: boolean;
}

/**
 * A modal question before something that cannot be undone. Focus starts on Cancel (the safe choice),
 * stays inside while it is open, and Escape cancels; the opener gets focus back when it closes.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  alternative,
  danger = true,
}: ConfirmDialogProps) {
  const titleId = useId();
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelRef.current?.focus();
    return () => opener?.focus();
  }, []);

  return (
    <div className="nl-dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        className="nl-dialog"
        ref={dialogRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          } else if (event.key === 'Tab') {
            // Tab and Shift+Tab move between the buttons and never leave the dialog.
            event.preventDefault();
            const buttons = [...(dialogRef.current?.querySelectorAll('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const step = event.shiftKey ? -1 : 1;
            buttons[(at + step + buttons.length) % buttons.length]?.focus();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <p id={messageId}>{message}</p>
        <div className="nl-dialog__actions">
          <button ref={cancelRef} type="button" className="nl-button" onClick={onCancel}>
            Cancel
          </button>
          {alternative ? (
            <button type="button" className="nl-button" onClick={alternative.onChoose}>
              {alternative.label}
            </button>
          ) : null}
          <button
            type="button"
            className={danger ? 'nl-button nl-button--danger' : 'nl-button'}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
