import { useId, useState } from 'react';
import { hintId, WidgetField } from './WidgetField';
import { formatNumber } from '../../../lab/formatNumber';
import { rangeText } from '../../../lab/settingsRegistry';

export interface NumberInputFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onChange: (value: number) => void;
}

/** A typed number that applies as soon as it is valid; an invalid entry is explained, never applied. */
export function NumberInputField({
  label,
  hint,
  value,
  min,
  max,
  onChange,
}: NumberInputFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? String(value);
  const parsed = Number(text.trim());
  const valid = text.trim() !== '' && Number.isFinite(parsed) && parsed >= min && parsed <= max;
  const error =
    draft !== undefined && !valid
      ? `“${text.trim()}” is not ${rangeText('number', min, max)}; the widget keeps ${formatNumber(value)}.`
      : undefined;
  return (
    <WidgetField id={id} label={label} hint={hint}>
      <input
        id={id}
        className="nl-wfield__number"
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId(id)} ${errorId}` : hintId(id)}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          const n = Number(next.trim());
          if (next.trim() !== '' && Number.isFinite(n) && n >= min && n <= max) onChange(n);
        }}
        onBlur={() => {
          if (valid) setDraft(undefined);
        }}
      />
      {error ? (
        <p className="nl-wfield__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </WidgetField>
  );
}
