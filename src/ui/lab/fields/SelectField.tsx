import { useId } from 'react';
import { describedBy, Field } from './Field';

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
  /** Why this option cannot be chosen right now (shown in the option's text). */
  readonly disabledReason?: string | undefined;
}

export interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly hint: string;
  readonly value: T;
  readonly options: readonly SelectOption<T>[];
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean | undefined;
}

export function SelectField<T extends string>({
  label,
  hint,
  value,
  options,
  onChange,
  disabled,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <select
        id={id}
        className="nl-input"
        value={value}
        disabled={disabled}
        aria-describedby={describedBy(id)}
        onChange={(event) => {
          const chosen = options.find((o) => o.value === event.target.value);
          if (chosen && !chosen.disabledReason) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={Boolean(option.disabledReason)}>
            {option.disabledReason ? `${option.label} (${option.disabledReason})` : option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
