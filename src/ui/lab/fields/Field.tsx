import type { ReactNode } from 'react';

export interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  /** Shown under the hint, e.g. why a typed value was not accepted. */
  readonly error?: string | undefined;
  /**
   * The label names several controls (a slider and a box for the same value): it is then a plain
   * element with the id `labelId(id)`, which each control gives as its aria-labelledby.
   */
  readonly labelsGroup?: boolean | undefined;
  readonly children: ReactNode;
}

/** A control with its visible label above and its short hint below (the control's description). */
export function Field({ id, label, hint, error, labelsGroup = false, children }: FieldProps) {
  return (
    <div className="nl-field">
      {labelsGroup ? (
        <span className="nl-field__label" id={labelId(id)}>
          {label}
        </span>
      ) : (
        <label className="nl-field__label" htmlFor={id}>
          {label}
        </label>
      )}
      {children}
      <p className="nl-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="nl-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The ids a control lists in aria-describedby: its hint, and its error when there is one. */
export function describedBy(id: string, error?: string): string {
  return error ? `${id}-hint ${id}-error` : `${id}-hint`;
}

/** The id of a Field's label when it names several controls (`labelsGroup`). */
export function labelId(id: string): string {
  return `${id}-label`;
}
