import { memo, useId } from 'react';

export interface ToggleFieldProps {
  readonly label: string;
  /** One short sentence on what the toggle changes; read out with the checkbox. */
  readonly hint: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/**
 * A checkbox with a visible label and hint, used by the charts' view options. Memoised: the charts
 * holding it redraw ten times a second, and React re-applies a checkbox's attributes on every render.
 */
export const ToggleField = memo(function ToggleField({
  label,
  hint,
  checked,
  onChange,
}: ToggleFieldProps) {
  const inputId = useId();
  const hintId = useId();
  return (
    <div className="nl-toggle">
      <input
        id={inputId}
        type="checkbox"
        checked={checked}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={inputId}>{label}</label>
      <span id={hintId} className="nl-toggle__hint">
        {hint}
      </span>
    </div>
  );
});
