/**
 * Bytes of every typed array reachable from `root`, each storage counted once, minus `exclude`: what a
 * structure holds, for tests that compare a memory plan with what the engine really allocates.
 */
export function heldBytes(root: object, exclude: ReadonlySet<ArrayBufferLike> = new Set()): number {
  const seen = new Set<unknown>();
  const buffers = new Set<ArrayBufferLike>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      if (!exclude.has(value.buffer)) buffers.add(value.buffer);
      return;
    }
    const values = value instanceof Map ? [...value.values()] : Object.values(value);
    for (const v of values) visit(v);
  };
  visit(root);
  let total = 0;
  for (const b of buffers) total += b.byteLength;
  return total;
}
