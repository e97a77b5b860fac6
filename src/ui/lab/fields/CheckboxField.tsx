import { useId } from 'react';

export interface CheckboxFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

export function CheckboxField({ label, hint, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="nl-field nl-field--checkbox">
      <input
        id={id}
        type="checkbox"
        className="nl-checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="nl-field__label" htmlFor={id}>
        {label}
      </label>
      <p className="nl-field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
