import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/lessons/parseLesson';
import { lessonSections, plainHeading, sectionId } from '../../src/lessons/sections';

const prose = (text: string, line = 1): Segment => ({ kind: 'markdown', text, line });

describe('lessonSections', () => {
  it('lists every # and ## heading of the prose in order, not ### or headings in code', () => {
    const segments = [
      prose('# Why it matters\n\nText.\n\n### A detail\n'),
      prose('```python\n## not a heading\n```\n\n## Gains and *fans*\n'),
    ];
    expect(lessonSections(segments)).toEqual([
      { id: 'section-why-it-matters', title: 'Why it matters' },
      { id: 'section-gains-and-fans', title: 'Gains and fans' },
    ]);
  });
});

describe('sectionId and plainHeading', () => {
  it('give a readable, address-safe id from what the reader sees', () => {
    expect(sectionId("Replicating Ioffe & Szegedy's Figure 1")).toBe(
      'section-replicating-ioffe-szegedy-s-figure-1',
    );
    expect(sectionId('Café — naïve')).toBe('section-cafe-naive');
    expect(sectionId('!!!')).toBe('section-untitled');
    expect(plainHeading('The `eval()` mode of [BatchNorm](https://example.org)')).toBe(
      'The eval() mode of BatchNorm',
    );
  });
});
