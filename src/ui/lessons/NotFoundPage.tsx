import { LAB_ROUTE } from '../../lab/urlState';
import { HOME_HREF } from '../routing';

/** An address that is not a page of normlab. */
export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <article className="nl-page">
      <h1 tabIndex={-1}>There is no page at “{path}”</h1>
      <p>The link may be mistyped or from an older version of normlab.</p>
      <ul className="nl-link-list">
        <li>
          <a href={HOME_HREF}>The lessons</a>
        </li>
        <li>
          <a href={LAB_ROUTE}>The Lab</a>
        </li>
      </ul>
    </article>
  );
}
