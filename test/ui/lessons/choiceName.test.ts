import { describe, expect, it } from 'vitest';
import { choiceName } from '../../../src/ui/lessons/choiceName';

describe('choiceName', () => {
  it('names a choice written in math by its formula as written', () => {
    expect(choiceName('$2.1$')).toBe('2.1');
    expect(choiceName('$-2$')).toBe('-2');
    expect(choiceName('Exactly $+1$ for one sample and $-1$ for the other')).toBe(
      'Exactly +1 for one sample and -1 for the other',
    );
  });

  it("leaves a choice without math to its label's text", () => {
    expect(choiceName('It keeps activations scaled')).toBeUndefined();
  });
});
