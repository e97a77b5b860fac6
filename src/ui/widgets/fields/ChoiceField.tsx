import { useId } from 'react';
import { hintId, WidgetField } from './WidgetField';

export interface Choice<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

export interface ChoiceFieldProps<T extends string | number> {
  readonly label: string;
  readonly hint: string;
  readonly value: T;
  readonly choices: readonly Choice<T>[];
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean | undefined;
}

/** A drop-down of fixed choices. */
export function ChoiceField<T extends string | number>({
  label,
  hint,
  value,
  choices,
  onChange,
  disabled,
}: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <WidgetField id={id} label={label} hint={hint}>
      <select
        id={id}
        className="nl-wfield__select"
        value={String(value)}
        disabled={disabled}
        aria-describedby={hintId(id)}
        onChange={(event) => {
          const chosen = choices.find((c) => String(c.value) === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {c.label}
          </option>
        ))}
      </select>
    </WidgetField>
  );
}
