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
import { buildTrack, formatIssue } from '../src/lessons/track';

export interface LessonCheck {
  readonly files: readonly string[];
  readonly issues: readonly LessonIssue[];
}

/** Checks the Markdown files of `dir`; file names are reported relative to `root`. */
export function checkLessons(dir: string, root = process.cwd()): LessonCheck {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
  const sources: Record<string, string> = {};
  for (const name of names) {
    const path = join(dir, name);
    sources[relative(root, path)] = readFileSync(path, 'utf8');
  }
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

function main(): void {
  const { files, issues } = checkLessons(join(process.cwd(), 'lessons'));
  for (const issue of issues) console.error(formatIssue(issue));
  if (issues.length > 0) {
    console.error(
      `lessons: ${issues.length} issue${issues.length === 1 ? '' : 's'} in ${files.length} files`,
    );
    process.exit(1);
  }
  console.log(`lessons: ${files.length} files, no issues`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
