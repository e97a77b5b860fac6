import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('zod without eval', () => {
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
      const { z } = await import('../../src/engine/zod');
      const schema = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).strict();
      for (let i = 0; i < 3; i++) expect(schema.parse({ a: i, b: { c: 'x' } })).toBeTruthy();
      const { parseModelSpec } = await import('../../src/engine/model/spec');
      expect(() => parseModelSpec({ family: 'mlp' })).toThrow();
    } finally {
      globalThis.Function = real;
    }
    expect(made).toEqual([]);
  });

  it('is where every module of ours gets zod, so the setting runs before any schema is defined', () => {
    const direct = sourceFiles(SRC)
      .filter((file) => /from ['"]zod(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(direct).toEqual(['engine/zod.ts']);
  });
});
