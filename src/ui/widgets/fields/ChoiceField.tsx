import { useId } from 'react';
import { ChoiceSelect, type ChoiceFieldProps } from '../../lab/fields/ChoiceSelect';
import { hintId, WidgetField } from './WidgetField';

export type { Choice, ChoiceFieldProps } from '../../lab/fields/ChoiceSelect';

/** A drop-down of fixed choices. */
export function ChoiceField<T extends string | number>({
  label,
  hint,
  ...menu
}: ChoiceFieldProps<T>) {
  const id = useId();
  return (
    <WidgetField id={id} label={label} hint={hint}>
      <ChoiceSelect id={id} className="nl-wfield__select" describedBy={hintId(id)} {...menu} />
    </WidgetField>
  );
}
