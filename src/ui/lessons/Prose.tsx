import 'katex/dist/katex.min.css';
import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { plainHeading, sectionId } from '../../lessons/sections';
import { passageParts } from './proseParts';
import { DISPLAY_PROPERTY, markMath, TEX_PROPERTY, texToHtml } from './texMarkup';

/**
 * Lesson Markdown with GitHub tables and TeX math. Raw HTML is never interpreted (no rehype-raw):
 * react-markdown shows it as text, so a lesson cannot inject scripts or event handlers.
 */
const REMARK_PLUGINS = [remarkGfm, remarkMath];
const REHYPE_PLUGINS = [markMath];

/** The text of a Markdown AST node, as the reader sees it. */
function textOf(node: { type: string; value?: unknown; children?: unknown } | undefined): string {
  if (!node) return '';
  if (node.type === 'text' && typeof node.value === 'string') return node.value;
  if (!Array.isArray(node.children)) return '';
  return (node.children as { type: string }[]).map(textOf).join('');
}

/** A section heading, with the id the lesson's table of contents links to. */
const SectionHeading: Components['h2'] = ({ node, ...props }) => (
  <h2 id={sectionId(plainHeading(textOf(node)))} tabIndex={-1} {...props} />
);

/** A formula marked by markMath, typeset by KaTeX into the span's inner HTML (texMarkup.ts). */
const TexSpan: Components['span'] = ({ node, ...props }) => {
  const tex = node?.properties[TEX_PROPERTY];
  if (typeof tex !== 'string') return <span {...props} />;
  const display = node?.properties[DISPLAY_PROPERTY] === 'true';
  return (
    <span
      className={display ? 'nl-tex nl-tex--display' : 'nl-tex'}
      dangerouslySetInnerHTML={{ __html: texToHtml(tex, display) }}
    />
  );
};

/** The page title is the only h1: a '#' heading in a lesson becomes a section heading. */
const COMPONENTS: Components = {
  h1: SectionHeading,
  h2: SectionHeading,
  span: TexSpan,
  table: ({ node: _node, ...props }) => (
    <div className="nl-prose__table">
      <table {...props} />
    </div>
  ),
};

/** For a line of text inside a label or heading: no paragraph around it. */
const INLINE_COMPONENTS: Components = {
  ...COMPONENTS,
  p: ({ children }) => <>{children}</>,
};

/**
 * One line of lesson Markdown (a quiz choice, a question) rendered inside its parent element.
 * Memoised, as Prose is: parsing Markdown and typesetting its math is the costliest render of a
 * lesson, and the experiment blocks around it re-render with every training snapshot.
 */
export const InlineProse = memo(function InlineProse({ text }: { readonly text: string }) {
  return (
    <Markdown
      remarkPlugins={REMARK_PLUGINS}
      rehypePlugins={REHYPE_PLUGINS}
      components={INLINE_COMPONENTS}
    >
      {text}
    </Markdown>
  );
});

/**
 * Lesson Markdown rendered as it stands, with no element around it: parsed, typeset and rendered in
 * one piece of React work, so `Prose` gives it a few blocks at a time (proseParts.ts).
 */
export const MarkdownBlocks = memo(function MarkdownBlocks({ text }: { readonly text: string }) {
  return (
    <Markdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} components={COMPONENTS}>
      {text}
    </Markdown>
  );
});

/**
 * A block of lesson Markdown; parsed again only when its text changes. Its parts (a few top-level
 * blocks each) are components of their own, so React renders a long passage in slices and the page
 * answers input between them (a 3,800-character passage was one 130 ms task). With `parts`, only the
 * first that many are shown: the lesson page adds a long passage a part at a time
 * (useRevealedSegments.ts).
 */
export const Prose = memo(function Prose({
  text,
  className,
  parts: shown,
}: {
  readonly text: string;
  readonly className?: string;
  readonly parts?: number | undefined;
}) {
  const parts = passageParts(text);
  return (
    <div className={className ? `nl-prose ${className}` : 'nl-prose'}>
      {parts.slice(0, shown).map((part, i) => (
        <MarkdownBlocks key={i} text={part} />
      ))}
    </div>
  );
});
