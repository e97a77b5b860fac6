// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyPage, type LazyPage } from '../../src/ui/lazyPage';
import { BlockErrorBoundary } from '../../src/ui/lessons/BlockErrorBoundary';

function Greeting({ name }: { name: string }) {
  return <h1>Hello, {name}</h1>;
}

function shown(Page: LazyPage<{ name: string }>) {
  return render(
    <BlockErrorBoundary what="this page" rest="The other pages still work." onRetry={Page.retry}>
      <Suspense fallback={<p>Loading the page…</p>}>
        <Page name="Ada" />
      </Suspense>
    </BlockErrorBoundary>,
  );
}

// Unmounted after each test: a render left mounted commits on React's scheduler after jsdom is torn
// down, and vitest reports that as an unhandled error (seen in a clean-clone CI run).
afterEach(cleanup);

describe('lazyPage', () => {
  it('shows the page once its code has arrived, and downloads it only once', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Page = lazyPage(load);
    Page.preload();
    shown(Page);
    expect(await screen.findByRole('heading', { name: 'Hello, Ada' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('explains a failed download, and Try again downloads again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(Greeting);
    const Page = lazyPage(load);
    shown(Page);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Something went wrong showing this page: its code could not be downloaded',
    );
    expect(alert).toHaveTextContent('The other pages still work.');
    // the failure stays put until the learner asks again: no download loop while offline
    expect(load).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Hello, Ada' })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
  });
});
