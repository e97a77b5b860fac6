import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parseLesson';
import { proseParts } from '../../../src/ui/lessons/proseParts';
import { MarkdownBlocks, Prose } from '../../../src/ui/lessons/Prose';

/** Markup with the whitespace between tags removed (the newlines react-markdown puts between blocks). */
const markup = (element: React.ReactElement): string =>
  renderToStaticMarkup(element).replace(/>\s+</g, '><');

/** What `text` looks like parsed whole, as Prose rendered it before it rendered parts. */
const whole = (text: string): string =>
  markup(
    <div className="nl-prose">
      <MarkdownBlocks text={text} />
    </div>,
  );

const paragraph = (n: number): string => `Paragraph ${n} ${'word '.repeat(30).trim()}.`;

describe('proseParts', () => {
  it('cuts between paragraphs once a part has maxChars, and the parts join back into the text', () => {
    const text = [1, 2, 3, 4, 5].map(paragraph).join('\n\n');
    const parts = proseParts(text, 300);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThan(5);
    expect(parts.join('\n')).toBe(text);
    expect(proseParts(text, 100_000)).toEqual([text]);
  });

  it('never cuts inside fenced code, display math or an HTML comment, whatever their blank lines', () => {
    for (const inner of [
      '```python\nx = 1\n\ny = 2\n```',
      '~~~~\na\n\n~~~\nb\n~~~~',
      '$$\na = b\n\nc = d\n$$',
      '<!-- a note\n\nstill the note -->',
    ]) {
      const text = `${paragraph(1)}\n\n${inner}\n\n${paragraph(2)}`;
      const parts = proseParts(text, 1);
      expect(parts.some((p) => p.includes(inner))).toBe(true);
      expect(parts.join('\n')).toBe(text);
    }
  });

  it('cuts a displayed formula out as a part of its own, however short the text around it', () => {
    const formula = '$$\na = b\n\nc = d\n$$\n';
    const text = `${paragraph(1)}\n\n${formula}\n${paragraph(2)}\n\n${paragraph(3)}`;
    expect(proseParts(text)).toEqual([
      `${paragraph(1)}\n`,
      formula,
      `${paragraph(2)}\n\n${paragraph(3)}`,
    ]);
    // A formula inside a paragraph's lines is that paragraph's, not a block of its own.
    const inline = `${paragraph(1)}\n$$\na = b\n$$\n\n${paragraph(2)}`;
    expect(proseParts(inline)).toEqual([inline]);
  });

  it('never cuts between the items of one list, nor before an indented continuation', () => {
    const loose = `Before:\n- one\n\n- two\n\n  more of two\n\n- three\n\n1. first\n\n2. second`;
    expect(proseParts(loose, 1)).toEqual([loose]);
    const afterList = `- one\n\n- two\n\n${paragraph(1)}`;
    expect(proseParts(afterList, 1)).toEqual(['- one\n\n- two\n', paragraph(1)]);
  });

  it('renders, part by part, the markup the whole text renders, for every Markdown passage of every lesson', () => {
    const dir = join(process.cwd(), 'lessons');
    const texts = readdirSync(dir)
      .filter((name) => /^\d+-.+\.md$/.test(name))
      .flatMap((name) =>
        parseLesson(readFileSync(join(dir, name), 'utf8'), name).segments.flatMap((s) =>
          s.kind === 'markdown' ? [s.text] : [],
        ),
      );
    expect(texts.length).toBeGreaterThan(50);
    let cut = 0;
    for (const text of texts) {
      const parts = proseParts(text);
      if (parts.length > 1) cut++;
      expect(parts.join('\n')).toBe(text);
      expect(markup(<Prose text={text} />)).toBe(whole(text));
    }
    // Every long passage is cut (34 of 84 are longer than a part): the comparison is not vacuous.
    expect(cut).toBeGreaterThanOrEqual(30);
  });
});
