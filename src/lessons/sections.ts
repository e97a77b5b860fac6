import type { Segment } from './parseLesson';

/** A top-level section of a lesson: one of its '#' or '##' headings. */
export interface LessonSection {
  /** The heading element's id, also the `section` of the lesson's address. */
  readonly id: string;
  readonly title: string;
}

/** The id a section heading gets: 'Gains and fans' → 'gains-and-fans'. */
export function sectionId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `section-${slug || 'untitled'}`;
}

/** A heading's Markdown as the reader sees it: emphasis, code, math and link marks removed. */
export function plainHeading(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`$]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const HEADING = /^ {0,3}(#{1,2})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

/**
 * The lesson's sections in order: every '#' and '##' heading of its prose (both render as h2; a
 * lesson's only h1 is its title). Headings inside fenced code are not headings.
 */
export function lessonSections(segments: readonly Segment[]): LessonSection[] {
  const sections: LessonSection[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'markdown') continue;
    let fenced = false;
    for (const line of segment.text.split('\n')) {
      if (FENCE.test(line)) fenced = !fenced;
      if (fenced) continue;
      const match = HEADING.exec(line);
      if (!match) continue;
      const title = plainHeading(match[2]!);
      sections.push({ id: sectionId(title), title });
    }
  }
  return sections;
}
