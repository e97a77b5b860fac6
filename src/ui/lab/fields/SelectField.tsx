import { useId } from 'react';
import { ChoiceSelect, type ChoiceFieldProps } from './ChoiceSelect';
import { describedBy, Field } from './Field';

/** A Lab menu; a choice with a `disabledReason` stays in view but out of reach. */
export function SelectField<T extends string>({ label, hint, ...menu }: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <ChoiceSelect id={id} className="nl-input" describedBy={describedBy(id)} {...menu} />
    </Field>
  );
}
