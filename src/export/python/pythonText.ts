/** Small helpers for writing Python source text. */

/** A number as a Python literal (JavaScript's shortest round-trip form is valid Python). */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`pyNumber: ${value} has no Python literal`);
  return String(value);
}

/** A number that Python must see as a float even when it is whole (1 → 1.0). */
export function pyFloat(value: number): string {
  const text = pyNumber(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A double-quoted Python string literal. */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** Indents every non-empty line of `block` by `levels` × 4 spaces. */
export function indent(block: string, levels = 1): string {
  const pad = '    '.repeat(levels);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
