import { useId } from 'react';
import type { Choice } from './ChoiceField';

export interface RadioFieldProps<T extends string> {
  readonly label: string;
  readonly hint: string;
  readonly value: T;
  readonly choices: readonly Choice<T>[];
  readonly onChange: (value: T) => void;
}

/** A few mutually exclusive choices shown side by side (arrow keys move between them). */
export function RadioField<T extends string>({
  label,
  hint,
  value,
  choices,
  onChange,
}: RadioFieldProps<T>) {
  const name = useId();
  const hintElement = `${name}-hint`;
  return (
    <fieldset className="nl-wfield nl-wfield--radios" aria-describedby={hintElement}>
      <legend className="nl-wfield__label">{label}</legend>
      <div className="nl-wfield__radios">
        {choices.map((c) => (
          <label key={c.value} className="nl-wfield__radio">
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={c.value === value}
              onChange={() => onChange(c.value)}
            />
            {c.label}
          </label>
        ))}
      </div>
      <p className="nl-wfield__hint" id={hintElement}>
        {hint}
      </p>
    </fieldset>
  );
}
