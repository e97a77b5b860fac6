import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyPage<P extends object> {
  (props: P): React.JSX.Element;
  /**
   * Starts downloading the page's code (without rendering it), so opening it later is instant; the
   * promise settles when the download has (a failure is left for the page's error boundary).
   */
  preload(): Promise<void>;
  /** After a failed download: the next render downloads again (React.lazy would keep the failure). */
  retry(): void;
}

/**
 * A page whose code is downloaded when it is first shown (or preloaded), so the Lab does not wait for
 * the lessons' markdown, math and chart libraries, nor a lesson for the Lab. A failed download
 * reaches the page's error boundary as a plain sentence; its "Try again" calls `retry`.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  let failed = false;
  const download = (): Promise<{ default: ComponentType<P> }> => {
    loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        failed = true;
        throw new Error(
          'its code could not be downloaded (is the connection down, or was normlab updated? ' +
            'Try again, or reload the page)',
          { cause: error },
        );
      },
    );
    return loading;
  };
  let current: LazyExoticComponent<ComponentType<P>> = lazy(download);
  const Page = (props: P) => {
    const Current = current;
    return <Current {...props} />;
  };
  Page.preload = (): Promise<void> =>
    download().then(
      () => undefined,
      () => undefined,
    );
  Page.retry = (): void => {
    if (!failed) return;
    failed = false;
    loading = undefined;
    current = lazy(download);
  };
  return Page;
}
