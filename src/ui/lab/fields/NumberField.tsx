import { useId, useState } from 'react';
import { formatNumber } from '../../../lab/formatNumber';
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
  const allowed = `${integer ? 'a whole number' : 'a number'} from ${formatNumber(min)} to ${formatNumber(max)}`;
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
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? String(value);
  const error =
    draft === undefined ? undefined : numberProblem(draft, { min, max, integer }, value);

  const commit = (): void => {
    if (draft === undefined) return;
    if (!error) {
      const next = Number(draft.trim());
      if (next !== value) onChange(next);
      setDraft(undefined);
    }
  };

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
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(undefined);
        }}
      />
    </Field>
  );
}
