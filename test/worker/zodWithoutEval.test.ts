import { describe, expect, it, vi } from 'vitest';

describe('zodWithoutEval', () => {
  it('keeps zod from probing or compiling with Function, as the Content-Security-Policy requires', async () => {
    vi.resetModules();
    const real = globalThis.Function;
    const made: string[] = [];
    globalThis.Function = new Proxy(real, {
      construct(target, args: string[]) {
        made.push(args.join(','));
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: string[]) {
        made.push(args.join(','));
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    try {
      await import('../../src/worker/zodWithoutEval');
      const { z } = await import('zod');
      const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).strict();
      for (let i = 0; i < 3; i++) expect(schema.parse({ a: i, b: { c: 'x' } })).toBeTruthy();
      const { parseModelSpec } = await import('../../src/engine/model/spec');
      expect(() => parseModelSpec({ family: 'mlp' })).toThrow();
    } finally {
      globalThis.Function = real;
    }
    expect(made).toEqual([]);
  });
});
