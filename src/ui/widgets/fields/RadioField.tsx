import { useId } from 'react';
import type { ChoiceFieldProps } from './ChoiceField';

export type RadioFieldProps<T extends string> = Omit<ChoiceFieldProps<T>, 'disabled'>;

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
