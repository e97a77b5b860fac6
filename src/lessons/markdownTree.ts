/**
 * Lesson Markdown as the HTML syntax tree (hast) the page renders: GitHub tables and TeX math, each
 * formula marked for KaTeX (markMath.ts). The same processing react-markdown did in the browser,
 * done here so that it can run when the app is built (vite.config.ts bundles the trees of every
 * lesson's Markdown, `virtual:normlab/lesson-trees`): parsing one part of a passage with micromark
 * was 150–240 ms of the lesson page's main thread with the CPU throttled 4× (docs/PERFORMANCE-UI.md).
 *
 * Raw HTML is never interpreted: it stays text, as react-markdown without rehype-raw showed it, and
 * link targets with a protocol other than http(s), mailto, irc(s) and xmpp are emptied, as
 * react-markdown's `defaultUrlTransform` did, so a lesson cannot inject scripts or event handlers.
 */
import type { Element, Nodes, Root, RootContent } from 'hast';
import { urlAttributes } from 'html-url-attributes';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { markMath } from './markMath';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  // As react-markdown: raw HTML comes through as `raw` nodes, which `settle` turns into text.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(markMath);

const SAFE_PROTOCOL = /^(https?|ircs?|mailto|xmpp)$/i;

/** react-markdown's `defaultUrlTransform`: a URL with an unsafe protocol becomes ''. */
function safeUrl(value: string): string {
  const colon = value.indexOf(':');
  const questionMark = value.indexOf('?');
  const numberSign = value.indexOf('#');
  const slash = value.indexOf('/');
  const relative =
    colon === -1 ||
    (slash !== -1 && colon > slash) ||
    (questionMark !== -1 && colon > questionMark) ||
    (numberSign !== -1 && colon > numberSign);
  return relative || SAFE_PROTOCOL.test(value.slice(0, colon)) ? value : '';
}

function settleUrls(node: Element): void {
  for (const [key, tags] of Object.entries(urlAttributes)) {
    if (!Object.hasOwn(node.properties, key)) continue;
    if (tags === null || tags.includes(node.tagName)) {
      const value = node.properties[key];
      node.properties[key] = safeUrl(String(value ?? ''));
    }
  }
}

/**
 * The tree as react-markdown handed it to React (raw HTML as text, safe URLs), without the source
 * positions, which nothing renders and which would double the bundled trees' size.
 */
function settle<T extends Nodes>(node: T): T {
  delete node.position;
  if (node.type === 'element') settleUrls(node);
  if ('children' in node) {
    node.children = node.children.map((child): RootContent => {
      if (child.type === 'raw') return { type: 'text', value: child.value };
      return settle(child);
    }) as typeof node.children;
  }
  return node;
}

/** The hast tree of `markdown`, ready for `hast-util-to-jsx-runtime` (src/ui/lessons/Prose.tsx). */
export function markdownTree(markdown: string): Root {
  return settle(processor.runSync(processor.parse(markdown)) as Root);
}
