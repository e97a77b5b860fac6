import { Suspense, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { LAB_ROUTE } from '../lab/urlState';
import { loadTrack } from '../lessons/loadTrack';
import type { Track } from '../lessons/track';
import { useAppStore } from '../store/appStore';
import { selectProgressTrack } from '../store/progressSlice';
import { PROGRESS_STORAGE_KEY } from '../store/progressStorage';
import { inStages, nextTask } from './inStages';
import { markSettling, whenIdle, whenSettled } from './pageSettling';
import { lazyPage } from './lazyPage';
import { BlockErrorBoundary } from './lessons/BlockErrorBoundary';
import { AppShortcuts } from './present/AppShortcuts';
import { HomePage } from './lessons/HomePage';
import { NotFoundPage } from './lessons/NotFoundPage';
import { ProgressNotice } from './lessons/ProgressNotice';
import { OfflineStatus } from './offline/OfflineStatus';
import { UpdateNotice } from './offline/UpdateNotice';
import { useServiceWorker } from './offline/useServiceWorker';
import { HOME_HREF, routeKey, useRoute, type Route } from './routing';
import './styles.css';
import './lessons/lessons.css';

// The Lab and the lesson pages come in chunks of their own: the lesson list and the Lab need neither
// the other's code nor (the Lab) the markdown, math and chart libraries of the lessons.
const LabPage = lazyPage(() => import('./lab/LabPage').then((m) => m.LabPage));
// A lesson's libraries are evaluated one by one (KaTeX, the Markdown stack, recharts), each in a
// task of its own: in one graph with the page they came to one task of about 50 ms of CPU. So are
// the lesson blocks' schemas and charts (QuizChart's chunk), the lessons' prose and syntax trees
// (loadProse) and the experiment blocks' code: left in the page's graph they made one task of
// 190–200 ms of CPU with the CPU throttled 4× (the 200 ms target; issue 17).
const LessonPage = lazyPage(() =>
  inStages(
    [
      () => import('./lessons/texMarkup'),
      // KaTeX's fonts are requested once Prose's stylesheet (with their faces) is in.
      () =>
        Promise.all([import('./lessons/Prose'), import('./lessons/texMarkup')]).then(([, tex]) =>
          tex.loadMathFonts(),
        ),
      () => import('./lessons/PercentilesChart'),
      () => import('./lessons/QuizQuestion'),
      () => import('../lessons/loadProse'),
      () => import('./lessons/ExperimentPanel'),
      () => import('./widgets/WidgetView'),
    ],
    () => import('./lessons/LessonPage').then((m) => m.LessonPage),
  ),
);
const MilestonePage = lazyPage(() =>
  import('./lessons/MilestonePage').then((m) => m.MilestonePage),
);
const DeckPage = lazyPage(() => import('./deck/DeckPage').then((m) => m.DeckPage));
const LAZY_PAGES = [LabPage, LessonPage, MilestonePage, DeckPage];
/**
 * Downloads every page's code; settles when all have arrived (or failed, for their boundaries). One
 * page after another, each evaluated in tasks of its own, once `before` resolves: the four together
 * were one task of 110–180 ms of CPU, 1.5 s into the home page's first load.
 */
export async function preloadPages(before: () => Promise<void> = nextTask): Promise<void> {
  for (const page of LAZY_PAGES) {
    await before();
    await page.preload();
  }
}
const retryPages = (): void => {
  for (const page of LAZY_PAGES) page.retry();
};
/**
 * Once the first page is up and has settled (a lesson's segments all shown), the others download in
 * the background, each in an idle moment, so opening them is instant without a page's evaluation
 * landing among the first page's own loading tasks.
 */
const PRELOAD_AFTER_MS = 1500;

/** Before each page's preload: the page on screen has settled, and the browser is idle. */
async function settledAndIdle(): Promise<void> {
  await whenSettled();
  await whenIdle();
}

/** The page's code is still arriving: the page is settling while this is shown. */
function PageLoading() {
  useEffect(markSettling, []);
  return (
    <p className="nl-page-loading" role="status">
      Loading the page…
    </p>
  );
}

export interface AppProps {
  /** The lessons to show; the bundled lessons/*.md by default (tests pass their own). */
  readonly track?: Track | undefined;
}

function pageTitle(route: Route, track: Track): string {
  switch (route.page) {
    case 'home':
      return 'normlab';
    case 'lab':
      return 'Lab · normlab';
    case 'next':
      return 'Next: learning-rate schedulers · normlab';
    case 'lesson': {
      const lesson = track.lessons.find((l) => l.meta.id === route.id);
      return lesson ? `${lesson.meta.title} · normlab` : 'No such lesson · normlab';
    }
    case 'deck': {
      const lesson = track.lessons.find((l) => l.meta.id === route.id);
      const what = route.view === 'speaker' ? 'speaker view' : 'lecture deck';
      return lesson ? `${lesson.meta.title} (${what}) · normlab` : 'No such lesson · normlab';
    }
    case 'notFound':
      return 'Page not found · normlab';
  }
}

function Page({ route, track }: { route: Route; track: Track }) {
  switch (route.page) {
    case 'home':
      return <HomePage track={track} />;
    case 'lab':
      return <LabPage track={track} />;
    case 'lesson':
      return (
        <LessonPage
          track={track}
          id={route.id}
          instructor={route.instructor}
          section={route.section}
        />
      );
    case 'deck':
      return (
        <DeckPage
          track={track}
          id={route.id}
          instructor={route.instructor}
          view={route.view}
          scene={route.scene}
        />
      );
    case 'next':
      return <MilestonePage track={track} instructor={route.instructor} />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

/**
 * The app shell: navigation, the page the address names, and the learner's saved progress loaded
 * before any lesson is drawn (so a lesson never flashes "locked" on the way in). On every change of
 * page, focus moves to the new page's heading, so keyboard and screen-reader users start there.
 */
export function App({ track: given }: AppProps) {
  const track = useMemo(() => given ?? loadTrack(), [given]);
  const route = useRoute();
  const key = routeKey(route);
  const loaded = useAppStore(selectProgressTrack) === track;
  const mainRef = useRef<HTMLElement>(null);
  const serviceWorker = useServiceWorker();
  const previousKey = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    useAppStore.getState().loadProgress(track);
  }, [track]);

  useEffect(() => {
    // Another tab saved progress: take it up here, so the two never work on different copies.
    const onStorage = (event: StorageEvent): void => {
      if (event.key === null || event.key === PROGRESS_STORAGE_KEY)
        useAppStore.getState().progressStorageChanged();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  useEffect(() => {
    document.title = pageTitle(route, track);
  }, [route, track]);

  useEffect(() => {
    const timer = setTimeout(() => void preloadPages(settledAndIdle), PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    const main = mainRef.current;
    if (!loaded || !main) return;
    const first = previousKey.current === undefined;
    if (previousKey.current === key) return;
    previousKey.current = key;
    if (first) return;
    document.documentElement.scrollTop = 0;
    const focusHeading = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    // The page's code is still downloading: focus its heading when it arrives.
    main.focus();
    const arrival = new MutationObserver(() => {
      if (focusHeading()) arrival.disconnect();
    });
    arrival.observe(main, { childList: true, subtree: true });
    return () => arrival.disconnect();
  }, [key, loaded]);

  return (
    <>
      <a
        className="nl-skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the router's: move focus without changing it.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to the content
      </a>
      {/* A deck fills the projector (and the speaker's window) with its scene: no site navigation. */}
      {route.page === 'deck' ? null : (
        <header className="nl-app-header">
          <nav aria-label="Main" className="nl-app-nav">
            <a className="nl-app-nav__brand" href={HOME_HREF}>
              normlab
            </a>
            <a href={HOME_HREF} aria-current={route.page === 'home' ? 'page' : undefined}>
              Lessons
            </a>
            <a href={LAB_ROUTE} aria-current={route.page === 'lab' ? 'page' : undefined}>
              Lab
            </a>
            <OfflineStatus ready={serviceWorker.offlineReady} />
          </nav>
        </header>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="nl-main">
        <ProgressNotice />
        {loaded ? (
          <BlockErrorBoundary
            key={key}
            what="this page"
            rest="The other pages still work: use the links above."
            onRetry={retryPages}
          >
            <Suspense fallback={<PageLoading />}>
              <Page route={route} track={track} />
            </Suspense>
          </BlockErrorBoundary>
        ) : null}
      </main>
      <UpdateNotice
        updateWaiting={serviceWorker.updateWaiting}
        onReload={serviceWorker.update}
        onLater={serviceWorker.postpone}
      />
      <AppShortcuts />
    </>
  );
}
