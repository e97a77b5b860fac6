import { join } from 'node:path';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { buildLessonTrackParts } from '../../../scripts/checkLessons';
import { markMath } from '../../../src/lessons/markMath';
import { markdownTree } from '../../../src/lessons/markdownTree';
import { ROOT } from '../../e2e/previewServer';

/** The markup react-markdown rendered for `text` in the browser, before the build parsed it. */
const reactMarkdown = (text: string): string =>
  renderToStaticMarkup(
    <Markdown remarkPlugins={[remarkGfm, remarkMath]} rehypePlugins={[markMath]}>
      {text}
    </Markdown>,
  );

/** The markup of a tree the build made, rendered with the options Prose uses. */
const fromTree = (json: string): string =>
  renderToStaticMarkup(
    toJsxRuntime(JSON.parse(json) as ReturnType<typeof markdownTree>, {
      Fragment,
      jsx,
      jsxs,
      ignoreInvalidStyle: true,
      passKeys: true,
      passNode: true,
    }),
  );

describe('lesson Markdown parsed at build time', () => {
  it('renders, for every Markdown text of every lesson, the markup react-markdown rendered', () => {
    const { trees } = buildLessonTrackParts(join(ROOT, 'lessons'), ROOT);
    const texts = Object.keys(trees);
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.some((t) => t.includes('$$'))).toBe(true);
    for (const text of texts) expect(fromTree(trees[text]!), text).toBe(reactMarkdown(text));
  });

  it('keeps raw HTML as text and empties unsafe link targets, as react-markdown did', () => {
    const text = [
      'A <script>alert(1)</script> and <b onclick="x()">bold</b>.',
      '[bad](javascript:alert(1)) [good](https://arxiv.org/abs/1502.03167) [here](#/lab?x=1)',
      '| a | b |\n| - | - |\n| $x^2$ | **y** |',
      '- [x] done\n- [ ] not yet',
      '$$\n\\sum_i w_i\n$$',
    ].join('\n\n');
    const json = JSON.stringify(markdownTree(text));
    const html = fromTree(json);
    expect(html).toBe(reactMarkdown(text));
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://arxiv.org/abs/1502.03167"');
    expect(html).toContain('data-tex="x^2"');
    // No source positions are bundled: nothing renders them.
    expect(json).not.toContain('"position"');
  });
});
