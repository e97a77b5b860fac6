/**
 * A problem found in a lesson file, and how it is printed. Its own module so that the home page,
 * which lists issues, does not pull in the lesson parser (and its YAML library) with it.
 */
export interface LessonIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatIssue(issue: LessonIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}
