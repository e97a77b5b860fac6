// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Prose } from '../../../src/ui/lessons/Prose';
import { texToHtml } from '../../../src/ui/lessons/texMarkup';

afterEach(cleanup);

describe('lesson math', () => {
  it('typesets inline and displayed formulas with KaTeX, each in one element', () => {
    const { container } = render(
      <Prose text={'Inline $x^2$ here.\n\n$$\n\\sum_i w_i\n$$\n\nAfter.'} />,
    );
    const inline = container.querySelector('p .nl-tex');
    expect(inline?.querySelector('.katex')).not.toBeNull();
    expect(inline?.querySelector('annotation')?.textContent).toBe('x^2');
    const display = container.querySelector('.nl-tex--display');
    expect(display?.querySelector('.katex-display')).not.toBeNull();
    expect(display?.querySelector('annotation')?.textContent).toBe('\\sum_i w_i');
    // No code element is left behind, and the prose around the math is kept.
    expect(container.querySelector('code, pre')).toBeNull();
    expect(container.textContent).toContain('Inline');
    expect(container.textContent).toContain('After.');
  });

  it('gives the same markup as KaTeX itself, cached per formula and mode', () => {
    const html = texToHtml('\\frac{1}{2}', false);
    expect(html).toContain('class="katex"');
    expect(texToHtml('\\frac{1}{2}', false)).toBe(html);
    expect(texToHtml('\\frac{1}{2}', true)).toContain('katex-display');
  });

  it('shows a formula KaTeX cannot parse in red instead of failing the block', () => {
    const { container } = render(<Prose text={'Broken: $\\frac{1}{$.'} />);
    expect(container.querySelector('.katex-error')).not.toBeNull();
    expect(container.textContent).toContain('Broken:');
  });

  it('still shows code spans and fenced code that are not math as code', () => {
    const { container } = render(<Prose text={'Call `step()`.\n\n```\nx = 1\n```'} />);
    expect(container.querySelector('p code')?.textContent).toBe('step()');
    expect(container.querySelector('pre code')?.textContent).toBe('x = 1\n');
    expect(container.querySelector('.nl-tex')).toBeNull();
  });
});
