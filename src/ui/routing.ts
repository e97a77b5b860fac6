/**
 * A small hash router: the whole app is one static page, and every view has an address a learner can
 * bookmark or an instructor can put on a slide.
 *
 *   #/                          home: the lessons and progress
 *   #/lessons/<id>              a lesson (locked lessons say why)
 *   #/lessons/<id>?instructor=1 any lesson, open without earning it (for teaching)
 *   #/lessons/<id>?section=<s>  a lesson, scrolled to one of its sections (its table of contents)
 *   #/lessons/<id>/deck?scene=N the lesson as a lecture deck, at scene N (1-based)
 *   #/lessons/<id>/deck/speaker the deck's speaker view (a second window that drives the first)
 *   #/lab?…                     the Lab, its runs in the query (src/lab/urlState.ts)
 *   #/next                      the milestone page after the last lesson
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'home' }
  | {
      readonly page: 'lesson';
      readonly id: string;
      readonly instructor: boolean;
      /** The id of the section heading to show (see src/lessons/sections.ts). */
      readonly section?: string;
    }
  | {
      readonly page: 'deck';
      readonly id: string;
      readonly instructor: boolean;
      readonly view: DeckView;
      /** The 1-based scene the address names. */
      readonly scene?: number;
    }
  | { readonly page: 'lab' }
  | { readonly page: 'next'; readonly instructor: boolean }
  | { readonly page: 'notFound'; readonly path: string };

export type DeckView = 'audience' | 'speaker';

export const HOME_HREF = '#/';
export const NEXT_HREF = '#/next';

export function lessonHref(id: string, instructor = false, section?: string): string {
  const query = new URLSearchParams();
  if (instructor) query.set('instructor', '1');
  if (section !== undefined) query.set('section', section);
  const text = query.toString();
  return `#/lessons/${encodeURIComponent(id)}${text === '' ? '' : `?${text}`}`;
}

export function deckHref(
  id: string,
  {
    instructor = false,
    view = 'audience',
    scene,
  }: { instructor?: boolean; view?: DeckView; scene?: number } = {},
): string {
  const query = new URLSearchParams();
  if (instructor) query.set('instructor', '1');
  if (scene !== undefined) query.set('scene', String(scene));
  const text = query.toString();
  const path = `#/lessons/${encodeURIComponent(id)}/deck${view === 'speaker' ? '/speaker' : ''}`;
  return `${path}${text === '' ? '' : `?${text}`}`;
}

function sceneNumber(query: string): number | undefined {
  const value = new URLSearchParams(query).get('scene');
  if (value === null || !/^[1-9][0-9]{0,3}$/.test(value)) return undefined;
  return Number(value);
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // A malformed escape is shown as typed; no lesson will match it.
    return raw;
  }
}

function instructorFlag(query: string): boolean {
  const value = new URLSearchParams(query).get('instructor');
  return value === '1' || value === 'true';
}

export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = raw.indexOf('?');
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const query = queryAt < 0 ? '' : raw.slice(queryAt + 1);
  const parts = path.split('/').filter((p) => p !== '');
  const [first, second, ...rest] = parts;
  if (first === undefined) return { page: 'home' };
  if (first === 'lab') return { page: 'lab' };
  if (first === 'next' && second === undefined) {
    return { page: 'next', instructor: instructorFlag(query) };
  }
  if (
    first === 'lessons' &&
    second !== undefined &&
    rest[0] === 'deck' &&
    (rest.length === 1 || (rest.length === 2 && rest[1] === 'speaker'))
  ) {
    const scene = sceneNumber(query);
    return {
      page: 'deck',
      id: decodeId(second),
      instructor: instructorFlag(query),
      view: rest.length === 2 ? 'speaker' : 'audience',
      ...(scene !== undefined ? { scene } : {}),
    };
  }
  if (first === 'lessons' && second !== undefined && rest.length === 0) {
    const id = decodeId(second);
    const section = new URLSearchParams(query).get('section');
    return {
      page: 'lesson',
      id,
      instructor: instructorFlag(query),
      ...(section ? { section } : {}),
    };
  }
  return { page: 'notFound', path: `/${parts.join('/')}` };
}

/** A stable string per view, so effects (focus, scroll) run when the view changes, not the query. */
export function routeKey(route: Route): string {
  switch (route.page) {
    case 'lesson':
      return `lesson:${route.id}`;
    case 'deck':
      return `deck:${route.view}:${route.id}`;
    case 'notFound':
      return `notFound:${route.path}`;
    default:
      return route.page;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = (): string => window.location.hash;
const serverHash = (): string => '';

/** The current route, re-rendering when the hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, serverHash);
  return parseRoute(hash);
}
