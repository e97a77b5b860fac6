import { useId } from 'react';
import { hintId, WidgetField } from './WidgetField';

export interface RangeFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step?: number | undefined;
  /** The value as the learner reads it (beside the label and to screen readers). */
  readonly valueText: string;
  readonly onChange: (value: number) => void;
  readonly disabled?: boolean | undefined;
}

/** A slider that applies every position as it moves (arrow keys, Page Up/Down, Home/End work too). */
export function RangeField({
  label,
  hint,
  value,
  min,
  max,
  step = 1,
  valueText,
  onChange,
  disabled,
}: RangeFieldProps) {
  const id = useId();
  return (
    <WidgetField id={id} label={label} hint={hint} value={valueText}>
      <input
        id={id}
        className="nl-wfield__range"
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={valueText}
        aria-describedby={hintId(id)}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </WidgetField>
  );
}
