import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { formatNumber } from '../../../lab/formatNumber';
import { rangeText } from '../../../lab/settingsRegistry';
import { describedBy, Field } from './Field';

export interface NumberFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer?: boolean | undefined;
  readonly step?: number | 'any' | undefined;
  readonly onChange: (value: number) => void;
}

/** Why `text` is not an acceptable value (the run keeps `current`), or undefined when it is. */
export function numberProblem(
  text: string,
  limits: { readonly min: number; readonly max: number; readonly integer: boolean },
  current: number,
): string | undefined {
  const { min, max, integer } = limits;
  const allowed = rangeText(integer ? 'integer' : 'number', min, max);
  const trimmed = text.trim();
  const value = Number(trimmed);
  const valid =
    trimmed !== '' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    value >= min &&
    value <= max;
  if (valid) return undefined;
  const shown = trimmed === '' ? 'An empty box' : `“${trimmed}”`;
  return `${shown} is not ${allowed}; the run keeps ${formatNumber(current)}.`;
}

/**
 * A typed number held as text until the learner commits it (Enter or leaving the box; Escape drops
 * it): `error` says why the text is not acceptable, and only an acceptable, changed value reaches
 * `onChange`. `input` wires a text or number box to it; `discard` drops the draft when the value is
 * set another way (a slider).
 */
export function useNumberDraft(
  value: number,
  limits: { readonly min: number; readonly max: number; readonly integer: boolean },
  onChange: (value: number) => void,
) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const error = draft === undefined ? undefined : numberProblem(draft, limits, value);
  const commit = (): void => {
    if (draft === undefined || error) return;
    const next = Number(draft.trim());
    if (next !== value) onChange(next);
    setDraft(undefined);
  };
  const discard = (): void => setDraft(undefined);
  const input = {
    value: draft ?? String(value),
    'aria-invalid': error ? true : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement>) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') commit();
      if (event.key === 'Escape') discard();
    },
  };
  return { error, input, discard };
}

/**
 * A number box that applies its value when the learner presses Enter or leaves it (not on every
 * keystroke: each change restarts the run). An invalid entry is explained and never applied.
 */
export function NumberField({
  label,
  hint,
  value,
  min,
  max,
  integer = false,
  step = integer ? 1 : 'any',
  onChange,
}: NumberFieldProps) {
  const id = useId();
  const { error, input } = useNumberDraft(value, { min, max, integer }, onChange);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="nl-input"
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        aria-describedby={describedBy(id, error)}
        {...input}
      />
    </Field>
  );
}
