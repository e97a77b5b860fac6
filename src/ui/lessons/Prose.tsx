import 'katex/dist/katex.min.css';
import type { Element } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { memo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { DISPLAY_PROPERTY, TEX_PROPERTY } from '../../lessons/markMath';
import { plainHeading, sectionId } from '../../lessons/sections';
import { passageParts } from './proseParts';
import { proseTree } from './proseTree';
import { texToHtml } from './texMarkup';

/** What a component of the tree receives: its element's props and the hast element itself. */
type Props<Tag extends keyof React.JSX.IntrinsicElements> = React.JSX.IntrinsicElements[Tag] & {
  readonly node?: Element | undefined;
};

/** The text of a Markdown AST node, as the reader sees it. */
function textOf(node: { type: string; value?: unknown; children?: unknown } | undefined): string {
  if (!node) return '';
  if (node.type === 'text' && typeof node.value === 'string') return node.value;
  if (!Array.isArray(node.children)) return '';
  return (node.children as { type: string }[]).map(textOf).join('');
}

/** A section heading, with the id the lesson's table of contents links to. */
const SectionHeading = ({ node, ...props }: Props<'h2'>) => (
  <h2 id={sectionId(plainHeading(textOf(node)))} tabIndex={-1} {...props} />
);

/** A formula marked by markMath, typeset by KaTeX into the span's inner HTML (texMarkup.ts). */
const TexSpan = ({ node, ...props }: Props<'span'>) => {
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
const COMPONENTS: Partial<Components> = {
  h1: SectionHeading,
  h2: SectionHeading,
  span: TexSpan,
  table: ({ node: _node, ...props }: Props<'table'>) => (
    <div className="nl-prose__table">
      <table {...props} />
    </div>
  ),
};

/** For a line of text inside a label or heading: no paragraph around it. */
const INLINE_COMPONENTS: Partial<Components> = {
  ...COMPONENTS,
  p: ({ children }: Props<'p'>) => <>{children}</>,
};

/**
 * React elements of `text`'s syntax tree (proseTree.ts: parsed when the app was built), with the
 * options react-markdown rendered its trees with.
 */
function renderMarkdown(text: string, components: Partial<Components>): React.JSX.Element {
  return toJsxRuntime(proseTree(text), {
    Fragment,
    components,
    ignoreInvalidStyle: true,
    jsx,
    jsxs,
    passKeys: true,
    passNode: true,
  });
}

/**
 * One line of lesson Markdown (a quiz choice, a question) rendered inside its parent element.
 * Memoised, as Prose is: typesetting math is the costliest render of a lesson, and the experiment
 * blocks around it re-render with every training snapshot.
 */
export const InlineProse = memo(function InlineProse({ text }: { readonly text: string }) {
  return renderMarkdown(text, INLINE_COMPONENTS);
});

/**
 * Lesson Markdown rendered as it stands, with no element around it: typeset and rendered in one
 * piece of React work, so `Prose` gives it a few blocks at a time (proseParts.ts).
 */
export const MarkdownBlocks = memo(function MarkdownBlocks({ text }: { readonly text: string }) {
  return renderMarkdown(text, COMPONENTS);
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
