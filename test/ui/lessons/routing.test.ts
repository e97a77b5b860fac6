import { describe, expect, it } from 'vitest';
import { deckHref, lessonHref, parseRoute, routeKey } from '../../../src/ui/routing';

describe('parseRoute', () => {
  it('reads the start page from an empty hash, # and #/', () => {
    for (const hash of ['', '#', '#/']) expect(parseRoute(hash)).toEqual({ page: 'home' });
  });

  it('reads a lesson, with and without the instructor flag', () => {
    expect(parseRoute('#/lessons/batch-normalization')).toEqual({
      page: 'lesson',
      id: 'batch-normalization',
      instructor: false,
    });
    expect(parseRoute('#/lessons/going-deep?instructor=1')).toEqual({
      page: 'lesson',
      id: 'going-deep',
      instructor: true,
    });
    expect(parseRoute('#/lessons/going-deep?instructor=0')).toMatchObject({ instructor: false });
  });

  it('decodes an escaped id and keeps a malformed one as typed', () => {
    expect(parseRoute('#/lessons/caf%C3%A9')).toMatchObject({ id: 'café' });
    expect(parseRoute('#/lessons/%E0%A4%A')).toMatchObject({ page: 'lesson', id: '%E0%A4%A' });
  });

  it('sends every #/lab address, with its query, to the Lab', () => {
    expect(parseRoute('#/lab')).toEqual({ page: 'lab' });
    expect(parseRoute('#/lab?runs=2&a.norm=batchNorm')).toEqual({ page: 'lab' });
  });

  it('reads a lesson’s deck and its speaker view, with the scene and the instructor flag', () => {
    expect(parseRoute('#/lessons/going-deep/deck')).toEqual({
      page: 'deck',
      id: 'going-deep',
      instructor: false,
      view: 'audience',
    });
    expect(parseRoute('#/lessons/going-deep/deck/speaker?scene=12&instructor=1')).toEqual({
      page: 'deck',
      id: 'going-deep',
      instructor: true,
      view: 'speaker',
      scene: 12,
    });
    for (const bad of ['0', '-1', 'x', '1.5', '123456'])
      expect(parseRoute(`#/lessons/a/deck?scene=${bad}`)).not.toHaveProperty('scene');
    expect(parseRoute('#/lessons/a/deck/notes')).toEqual({
      page: 'notFound',
      path: '/lessons/a/deck/notes',
    });
    expect(routeKey(parseRoute('#/lessons/a/deck?scene=3'))).toBe(
      routeKey(parseRoute('#/lessons/a/deck?scene=4')),
    );
    expect(routeKey(parseRoute('#/lessons/a/deck'))).not.toBe(
      routeKey(parseRoute('#/lessons/a/deck/speaker')),
    );
  });

  it('writes deck addresses that read back as the same route', () => {
    for (const options of [
      {},
      { instructor: true },
      { view: 'speaker' as const, scene: 5 },
      { instructor: true, view: 'audience' as const, scene: 1 },
    ]) {
      const href = deckHref('batch-normalization', options);
      expect(parseRoute(href)).toEqual({
        page: 'deck',
        id: 'batch-normalization',
        instructor: options.instructor ?? false,
        view: options.view ?? 'audience',
        ...('scene' in options ? { scene: options.scene } : {}),
      });
    }
  });

  it('reads the milestone page', () => {
    expect(parseRoute('#/next')).toEqual({ page: 'next', instructor: false });
    expect(parseRoute('#/next?instructor=true')).toEqual({ page: 'next', instructor: true });
  });

  it('reports anything else as not found, with the path', () => {
    expect(parseRoute('#/lessons')).toEqual({ page: 'notFound', path: '/lessons' });
    expect(parseRoute('#/lessons/a/b')).toEqual({ page: 'notFound', path: '/lessons/a/b' });
    expect(parseRoute('#/settings?x=1')).toEqual({ page: 'notFound', path: '/settings' });
  });
});

describe('links', () => {
  it('builds lesson links that parse back to the same lesson', () => {
    expect(lessonHref('initialization')).toBe('#/lessons/initialization');
    expect(parseRoute(lessonHref('a b', true))).toEqual({
      page: 'lesson',
      id: 'a b',
      instructor: true,
    });
  });

  it('links to a section of a lesson, keeping the instructor flag', () => {
    expect(lessonHref('initialization', false, 'section-gains-and-fans')).toBe(
      '#/lessons/initialization?section=section-gains-and-fans',
    );
    expect(parseRoute(lessonHref('going-deep', true, 'section-quiz'))).toEqual({
      page: 'lesson',
      id: 'going-deep',
      instructor: true,
      section: 'section-quiz',
    });
    expect(routeKey(parseRoute(lessonHref('a', false, 'section-x')))).toBe(
      routeKey(parseRoute(lessonHref('a'))),
    );
  });

  it('keys a page by what it shows, not by its query', () => {
    expect(routeKey(parseRoute('#/lab?a.lr=0.1'))).toBe(routeKey(parseRoute('#/lab?a.lr=0.3')));
    expect(routeKey(parseRoute('#/lessons/a'))).not.toBe(routeKey(parseRoute('#/lessons/b')));
  });
});
