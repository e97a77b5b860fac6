import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './present.css';

export interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** 'sheet' (default): a panel in the middle; 'screen': the whole window (the QR code for the room). */
  readonly size?: 'sheet' | 'screen' | undefined;
  readonly closeLabel?: string | undefined;
}

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in (to Close), Tab stays inside, Escape closes, and the opener gets
 * focus back when it closes. It is drawn in document.body, above the page, since an opener inside a
 * sticky column (the Lab's controls) would otherwise keep it in that column's stacking layer.
 */
export function Modal({
  title,
  onClose,
  children,
  size = 'sheet',
  closeLabel = 'Close',
}: ModalProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => opener?.focus();
  }, []);

  return createPortal(
    <div className={`nl-modal-backdrop nl-modal-backdrop--${size}`}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`nl-modal nl-modal--${size}`}
        ref={dialogRef}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          } else if (event.key === 'Tab') {
            const items = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
            if (items.length === 0) return;
            const at = items.indexOf(document.activeElement as HTMLElement);
            const last = items.length - 1;
            const next = event.shiftKey ? (at <= 0 ? last : at - 1) : at === last ? 0 : at + 1;
            event.preventDefault();
            items[next]?.focus();
          }
        }}
      >
        <div className="nl-modal__head">
          <h2 id={titleId}>{title}</h2>
          <button ref={closeRef} type="button" className="nl-button" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
