/**
 * The value and change handler of a field that edits one entry of a state object (a widget's choice,
 * a form's group of numbers): spread into the field, so each field of a table is written once.
 */
export function keyField<S extends object, K extends keyof S>(
  state: S,
  setState: (change: (state: S) => S) => void,
  key: K,
): { readonly value: S[K]; readonly onChange: (value: S[K]) => void } {
  return { value: state[key], onChange: (value) => setState((s) => ({ ...s, [key]: value })) };
}
