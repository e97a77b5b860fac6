/**
 * The order a question's choices are shown in: a fixed shuffle per question, so the right answer is
 * not always in the same place (authors tend to write it first) yet stays put across visits and
 * reloads. Answers are still recorded by the choice's index in the lesson file.
 */
export function choiceOrder(key: string, count: number): number[] {
  // FNV-1a hash of the key seeds a small xorshift generator for a Fisher–Yates shuffle.
  let state = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    state ^= key.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  if (state === 0) state = 1; // xorshift would stay at 0 forever
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
