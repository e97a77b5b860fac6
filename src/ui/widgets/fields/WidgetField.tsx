import type { ReactNode } from 'react';

export interface WidgetFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  /** Shown beside the label, e.g. a slider's current value. */
  readonly value?: ReactNode;
  readonly children: ReactNode;
}

/** A widget control with its visible label (and value) above it and its short hint below. */
export function WidgetField({ id, label, hint, value, children }: WidgetFieldProps) {
  return (
    <div className="nl-wfield">
      <div className="nl-wfield__head">
        <label className="nl-wfield__label" htmlFor={id}>
          {label}
        </label>
        {value !== undefined ? (
          <output className="nl-wfield__value" htmlFor={id} aria-hidden="true">
            {value}
          </output>
        ) : null}
      </div>
      {children}
      <p className="nl-wfield__hint" id={hintId(id)}>
        {hint}
      </p>
    </div>
  );
}

export function hintId(id: string): string {
  return `${id}-hint`;
}
