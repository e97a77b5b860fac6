/**
 * Build-time check of every lesson: parses lessons/*.md with the same buildTrack the app uses and
 * prints `file:line: message` for each issue. Exits 1 when there is any, so `npm run build` stops
 * before shipping a lesson with a broken block.
 *   npm run lessons:check
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LessonIssue } from '../src/lessons/parseLesson';
import {
  fairnessProblems,
  formatFairness,
  quizFairness,
  trackQuestions,
  type QuizFairness,
} from '../src/lessons/quizFairness';
import type { MarkdownTrees } from '../src/lessons/bundledTrees';
import { lessonMarkdown } from '../src/lessons/lessonMarkdown';
import { splitProse, type LessonProse } from '../src/lessons/lessonProse';
import { markdownTree } from '../src/lessons/markdownTree';
import { proseParts } from '../src/ui/lessons/proseParts';
import { buildTrack, formatIssue, type Track } from '../src/lessons/track';

export interface LessonCheck {
  readonly files: readonly string[];
  readonly issues: readonly LessonIssue[];
}

/** Every lesson file of `dir` (not its README), by its name relative to `root`: `lessons/01-….md`. */
export function readLessonSources(dir: string, root: string): Record<string, string> {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
  const sources: Record<string, string> = {};
  for (const name of names) {
    const path = join(dir, name);
    sources[relative(root, path)] = readFileSync(path, 'utf8');
  }
  return sources;
}

/** The Track the app shows, built from the lesson files of `dir` (vite.config.ts bundles it). */
export function buildLessonTrack(dir: string, root = process.cwd()): Track {
  return buildTrack(readLessonSources(dir, root));
}

/**
 * That Track without its prose, the prose (src/lessons/lessonProse.ts), and the syntax tree of every
 * Markdown text its pages render (src/lessons/bundledTrees.ts): what the app bundles.
 */
export function buildLessonTrackParts(
  dir: string,
  root = process.cwd(),
): { readonly track: Track; readonly prose: LessonProse; readonly trees: MarkdownTrees } {
  const full = buildLessonTrack(dir, root);
  const trees: Record<string, string> = {};
  for (const lesson of [...full.lessons, ...full.broken]) {
    for (const text of lessonMarkdown(lesson.segments, proseParts)) {
      trees[text] ??= JSON.stringify(markdownTree(text));
    }
  }
  return { ...splitProse(full), trees };
}

/** Checks the Markdown files of `dir`; file names are reported relative to `root`. */
export function checkLessons(dir: string, root = process.cwd()): LessonCheck {
  const sources = readLessonSources(dir, root);
  const files = Object.keys(sources);
  if (files.length === 0) {
    return {
      files,
      issues: [
        { file: relative(root, dir) || '.', line: 1, message: 'no lesson files (*.md) found' },
      ],
    };
  }
  return { files, issues: buildTrack(sources).issues };
}

/** How gameable the multiple-choice questions of `dir` are (see src/lessons/quizFairness.ts). */
export function checkQuizFairness(dir: string, root = process.cwd()): QuizFairness {
  return quizFairness(trackQuestions(buildTrack(readLessonSources(dir, root)).lessons));
}

function main(): void {
  const dir = join(process.cwd(), 'lessons');
  const { files, issues } = checkLessons(dir);
  for (const issue of issues) console.error(formatIssue(issue));
  const fairness = checkQuizFairness(dir);
  console.log(formatFairness(fairness));
  const unfair = fairnessProblems(fairness);
  for (const problem of unfair) console.error(`lessons: ${problem}`);
  if (issues.length > 0 || unfair.length > 0) {
    console.error(
      `lessons: ${issues.length} issue${issues.length === 1 ? '' : 's'} in ${files.length} files${unfair.length > 0 ? ', and the quizzes can be passed by picking the longest answer' : ''}`,
    );
    process.exit(1);
  }
  console.log(`lessons: ${files.length} files, no issues`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
