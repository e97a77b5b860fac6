/**
 * Thrown when a run uses something the export cannot write as the same PyTorch code. Every layer,
 * init scheme and optimizer the engine offers has a PyTorch equivalent, so this only fires for input
 * that did not come from the app (an unknown kind in a hand-made config); the message is a sentence
 * for the person who asked for the export.
 */
export class ExportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRefusal';
  }
}

export function refuse(what: string, value: unknown, allowed: readonly string[]): never {
  throw new ExportRefusal(
    `The PyTorch export cannot express ${what} '${String(value)}' the same way; it knows ${allowed.join(', ')}.`,
  );
}
