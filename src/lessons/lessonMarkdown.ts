/**
 * Every Markdown text of a lesson that its page and deck render: each part of a prose passage (the
 * page renders a passage part by part, `proseParts`) and the Markdown fields of its blocks (an
 * experiment's intro and takeaway, a quiz's question, choices and explanations, a checkpoint's
 * description, a practice's task, a prediction's question, choices and explanation, speaker notes).
 * The build parses each of them (vite.config.ts, markdownTree.ts), and test/ui/lessons/realLessons
 * checks that no lesson page parses Markdown in the browser.
 */
import type { Segment } from './parseLesson';

/** The fields of a block's data that hold Markdown, at any depth (a quiz's choices, …). */
const MARKDOWN_FIELDS = new Set([
  'intro',
  'takeaway',
  'notes',
  'question',
  'text',
  'explanation',
  'description',
  'task',
  'feedback',
]);

function markdownFields(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) markdownFields(item, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && MARKDOWN_FIELDS.has(key)) out.push(field);
    else markdownFields(field, out);
  }
}

/**
 * The Markdown texts of `segments`, each once; `parts` cuts a text into the parts Prose renders
 * (src/ui/lessons/proseParts.ts, passed in since it belongs to the page).
 */
export function lessonMarkdown(
  segments: readonly Segment[],
  parts: (markdown: string) => readonly string[],
): string[] {
  const texts = new Set<string>();
  for (const segment of segments) {
    if (segment.kind === 'invalid') continue;
    if (segment.kind === 'markdown') {
      for (const part of parts(segment.text)) texts.add(part);
      continue;
    }
    const fields: string[] = [];
    markdownFields(segment, fields);
    for (const text of fields) {
      // A block's text is rendered whole by InlineProse, in parts by Prose.
      texts.add(text);
      for (const part of parts(text)) texts.add(part);
    }
  }
  return [...texts];
}
