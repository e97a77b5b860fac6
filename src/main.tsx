/**
 * Starts the app in stages, each evaluated in a main-thread task of its own (src/ui/inStages.ts).
 * Imported statically, React DOM, zod, the store with its schemas and the home page were one module
 * graph, evaluated in one task of 160–190 ms of CPU on a 2-core machine (docs/PERFORMANCE-UI.md).
 * Every stage's code is fetched at once (the build names each in index.html as a modulepreload, see
 * vite.config.ts), so staging costs no round trips. The first render is a transition, so React
 * renders it in slices of a few milliseconds instead of one task.
 */
import { inStages, nextTask } from './ui/inStages';

async function start(root: HTMLElement): Promise<void> {
  const [{ StrictMode, startTransition }, { createRoot }, { App }] = await inStages(
    [
      // React, React DOM and its scheduler.
      () => import('react-dom/client'),
      // zod, and the Lab's settings. (Not './engine/zod' itself: importing it by import() would keep
      // all of zod's namespace in the build, where static imports keep what is used.)
      () => import('./lab/settingsRegistry'),
      // The store: every slice, and the schema of saved progress.
      () => import('./store/appStore'),
    ],
    // The app shell, the home page and the lessons' outline.
    () => Promise.all([import('react'), import('react-dom/client'), import('./ui/App')]),
  );
  await nextTask();
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('normlab: #root element missing from index.html');
start(root).catch((error: unknown) => {
  // Only a download can fail here (rendering errors reach the app's error boundaries): say so rather
  // than leave a white page.
  root.textContent =
    'normlab could not start: part of its code did not download. Check the connection and reload the page.';
  throw error;
});
