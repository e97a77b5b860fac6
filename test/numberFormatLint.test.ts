import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The messages of the one-formatter rule for `code` written in `file` (a path inside the repo). */
async function formattingErrors(file: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('one number formatter in src/', () => {
  it('makes lint fail on a number formatted its own way, in any layer', async () => {
    for (const file of ['src/lab/probe.ts', 'src/ui/lab/Probe.tsx', 'src/engine/train/probe.ts']) {
      expect(
        await formattingErrors(
          file,
          'export const text = (n: number) => n.toLocaleString("en");\n',
        ),
        file,
      ).toEqual([expect.stringContaining('formatCount, formatNumber or formatLimit')]);
      expect(
        await formattingErrors(file, 'export const f = new Intl.NumberFormat("en-US");\n'),
        file,
      ).toEqual([expect.stringContaining('formatCount, formatNumber or formatLimit')]);
    }
  });

  it('lets the formatter itself and code that calls it through', async () => {
    expect(
      await formattingErrors(
        'src/engine/text/numberText.ts',
        'export const f = new Intl.NumberFormat("en-US");\n',
      ),
    ).toEqual([]);
    expect(
      await formattingErrors(
        'src/ui/lab/Probe.tsx',
        "import { formatCount } from '../../lab/formatNumber';\nexport const text = formatCount(100000);\n",
      ),
    ).toEqual([]);
  });
});
