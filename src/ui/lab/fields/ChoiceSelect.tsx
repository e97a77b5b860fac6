/** One entry of a menu: a typed value and how the menu names it. */
export interface Choice<T extends string | number> {
  readonly value: T;
  readonly label: string;
  /** Why this choice cannot be taken right now (shown in the entry's text). */
  readonly disabledReason?: string | undefined;
}

/** A field offering choices (a menu or radio buttons), as the Lab and the widgets both take it. */
export interface ChoiceFieldProps<T extends string | number> {
  readonly label: string;
  readonly hint: string;
  readonly value: T;
  readonly choices: readonly Choice<T>[];
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean | undefined;
}

export interface ChoiceSelectProps<T extends string | number> extends Omit<
  ChoiceFieldProps<T>,
  'label' | 'hint'
> {
  readonly id: string;
  readonly className: string;
  /** The ids of the hint (and error) that describe the menu. */
  readonly describedBy: string;
}

/**
 * A <select> over typed choices, for the Lab's fields and the widgets' alike: the choice comes back
 * as its own value (a number stays a number), and one with a reason it cannot be taken is shown with
 * that reason and never applied.
 */
export function ChoiceSelect<T extends string | number>({
  id,
  className,
  value,
  choices,
  onChange,
  disabled,
  describedBy,
}: ChoiceSelectProps<T>) {
  return (
    <select
      id={id}
      className={className}
      value={String(value)}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(event) => {
        const chosen = choices.find((c) => String(c.value) === event.target.value);
        if (chosen && !chosen.disabledReason) onChange(chosen.value);
      }}
    >
      {choices.map((c) => (
        <option key={String(c.value)} value={String(c.value)} disabled={Boolean(c.disabledReason)}>
          {c.disabledReason ? `${c.label} (${c.disabledReason})` : c.label}
        </option>
      ))}
    </select>
  );
}
