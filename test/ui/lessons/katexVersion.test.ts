import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('KaTeX stylesheet', () => {
  it('comes from the same KaTeX that rehype-katex renders with (class names changed between versions)', () => {
    // A mismatch renders every subscript at full size: the HTML says `sizing`, the CSS styles `katex-sizing`.
    const ours = require.resolve('katex/package.json');
    const fromRehype = createRequire(require.resolve('rehype-katex')).resolve('katex/package.json');
    const version = (path: string) =>
      (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    expect(version(fromRehype)).toBe(version(ours));
  });
});
