import { useRegisterSW } from 'virtual:pwa-register/react';

export interface ServiceWorkerState {
  /** The whole app (lessons, Lab, workers, MNIST files) is cached: it works with no network. */
  readonly offlineReady: boolean;
  /** A new version is downloaded and waits for the learner's go-ahead. */
  readonly updateWaiting: boolean;
  /** Lets the waiting version take over; the page reloads once it has. */
  readonly update: () => void;
  /** "Later": hides the notice; the new version takes over on the next visit. */
  readonly postpone: () => void;
}

/**
 * Registers the service worker once the page has loaded (so caching never competes with the first
 * paint) and reports what it is doing. Call it once, in the app shell. In development and unit tests
 * vite-plugin-pwa supplies a stand-in that registers nothing.
 */
export function useServiceWorker(): ServiceWorkerState {
  const {
    needRefresh: [updateWaiting, setUpdateWaiting],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: false,
    // On later visits the worker was installed before: there is no "installed" event to wait for.
    onRegisteredSW: (_url, registration) => {
      if (registration?.active) setOfflineReady(true);
    },
  });
  return {
    offlineReady,
    updateWaiting,
    update: () => void updateServiceWorker(true),
    postpone: () => setUpdateWaiting(false),
  };
}
