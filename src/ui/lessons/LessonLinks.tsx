import { HOME_HREF, lessonHref } from '../routing';

/** Links to lessons by their titles, then one back to the start page (a page that cannot go on). */
export function LessonLinks({
  lessons,
  numbered,
  home,
}: {
  readonly lessons: readonly { readonly meta: { readonly id: string; readonly title: string } }[];
  /** A numbered list (the whole course in order) or a plain one (a few lessons). */
  readonly numbered: boolean;
  /** The start page link's text. */
  readonly home: string;
}) {
  const items = lessons.map((lesson) => (
    <li key={lesson.meta.id}>
      <a href={lessonHref(lesson.meta.id)}>{lesson.meta.title}</a>
    </li>
  ));
  return (
    <>
      {numbered ? (
        <ol className="nl-link-list">{items}</ol>
      ) : (
        <ul className="nl-link-list">{items}</ul>
      )}
      <p>
        <a href={HOME_HREF}>{home}</a>
      </p>
    </>
  );
}
