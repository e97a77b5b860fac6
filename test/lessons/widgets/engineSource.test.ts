import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceExcerpt } from '../../../src/lessons/widgets/engineSource';

const SOURCES = {
  '/src/engine/layers/demo.ts':
    'line one\nexport class Demo {\n  forward() {}\n  backward() {}\n}\n',
  '/src/engine/layers/other.ts': 'x\n',
  '/src/engine/tensor.ts': 'y\n',
};

describe('sourceExcerpt', () => {
  it('shows a whole file with line numbers from 1 (without the trailing empty line)', () => {
    expect(sourceExcerpt(SOURCES, { file: 'layers/demo.ts' })).toEqual({
      ok: true,
      path: 'src/engine/layers/demo.ts',
      firstLine: 1,
      lines: ['line one', 'export class Demo {', '  forward() {}', '  backward() {}', '}'],
    });
  });

  it('cuts from the line containing `from` to the line containing `to`, both included', () => {
    const excerpt = sourceExcerpt(SOURCES, {
      file: 'layers/demo.ts',
      from: 'forward(',
      to: 'backward(',
    });
    expect(excerpt).toEqual({
      ok: true,
      path: 'src/engine/layers/demo.ts',
      firstLine: 3,
      lines: ['  forward() {}', '  backward() {}'],
    });
  });

  it('looks for `to` only from the `from` line on', () => {
    // 'line' occurs on line 1 too, but only the match at or after 'Demo' counts: none → error
    expect(
      sourceExcerpt(SOURCES, { file: 'layers/demo.ts', from: 'Demo', to: 'line one' }),
    ).toEqual({
      ok: false,
      message:
        'The end marker “line one” does not occur in src/engine/layers/demo.ts after “Demo” (line 2).',
    });
  });

  it('names a missing file and lists the files in its folder', () => {
    expect(sourceExcerpt(SOURCES, { file: 'layers/batchnorm.ts' })).toEqual({
      ok: false,
      message:
        'There is no engine file src/engine/layers/batchnorm.ts. Files in that folder: layers/demo.ts, layers/other.ts.',
    });
  });

  it('names a missing start marker', () => {
    expect(sourceExcerpt(SOURCES, { file: 'tensor.ts', from: 'export function' })).toEqual({
      ok: false,
      message: 'The start marker “export function” does not occur in src/engine/tensor.ts.',
    });
  });

  it('cuts the real BatchNorm source at its forward method', () => {
    const text = readFileSync('src/engine/layers/batchNorm.ts', 'utf8');
    const excerpt = sourceExcerpt(
      { '/src/engine/layers/batchNorm.ts': text },
      { file: 'layers/batchNorm.ts', from: 'forward(', to: 'backward(' },
    );
    if (!excerpt.ok) throw new Error(excerpt.message);
    expect(excerpt.lines[0]).toContain('forward(');
    expect(excerpt.lines[excerpt.lines.length - 1]).toContain('backward(');
    expect(text.split('\n')[excerpt.firstLine - 1]).toBe(excerpt.lines[0]);
  });
});
