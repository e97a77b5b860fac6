/**
 * Progress is keyed by lesson and block id together ('batch-norm/bn-vs-plain'), because block ids are
 * unique only within their lesson.
 */
export function blockKey(lessonId: string, blockId: string): string {
  return `${lessonId}/${blockId}`;
}

/** The key of a practice exercise's optional question: it is stored with the quiz answers. */
export function practiceQuestionKey(lessonId: string, practiceId: string): string {
  return `${blockKey(lessonId, practiceId)}/question`;
}
