import { memo, useId } from 'react';

export interface CheckboxFieldProps {
  readonly label: string;
  /** One short sentence on what the checkbox changes; read out with it. */
  readonly hint: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** 'form': a settings form's field (the Lab); 'chart': a compact view option among a chart's controls. */
  readonly look?: 'form' | 'chart' | undefined;
}

const CLASSES = {
  form: {
    field: 'nl-field nl-field--checkbox',
    input: 'nl-checkbox',
    label: 'nl-field__label',
    hint: 'nl-field__hint',
  },
  chart: { field: 'nl-toggle', input: undefined, label: undefined, hint: 'nl-toggle__hint' },
} as const;

/**
 * A checkbox with its visible label and hint. Memoised: the charts holding one redraw ten times a
 * second, and React re-applies a checkbox's attributes on every render.
 */
export const CheckboxField = memo(function CheckboxField({
  label,
  hint,
  checked,
  onChange,
  look = 'form',
}: CheckboxFieldProps) {
  const id = useId();
  const classes = CLASSES[look];
  return (
    <div className={classes.field}>
      <input
        id={id}
        type="checkbox"
        className={classes.input}
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className={classes.label} htmlFor={id}>
        {label}
      </label>
      <p className={classes.hint} id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
});
