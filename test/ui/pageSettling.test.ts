// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markSettling, whenIdle, whenSettled } from '../../src/ui/pageSettling';

/** Whether `promise` has settled once every pending task so far has run. */
async function settledAfterTasks(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await new Promise((resume) => setTimeout(resume, 5));
  return settled;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('whenSettled', () => {
  it('resolves at once when nothing is settling', async () => {
    expect(await settledAfterTasks(whenSettled())).toBe(true);
  });

  it('waits until every mark has ended', async () => {
    const first = markSettling();
    const second = markSettling();
    const settled = whenSettled();
    first();
    expect(await settledAfterTasks(settled)).toBe(false);
    second();
    expect(await settledAfterTasks(settled)).toBe(true);
  });

  it('keeps waiting when one mark ends and the next begins in the same task', async () => {
    const fallback = markSettling();
    const settled = whenSettled();
    // A page replacing its Suspense fallback: both effects run in one commit.
    fallback();
    const page = markSettling();
    expect(await settledAfterTasks(settled)).toBe(false);
    page();
    expect(await settledAfterTasks(settled)).toBe(true);
  });

  it('counts a mark ended twice once', async () => {
    const first = markSettling();
    const second = markSettling();
    first();
    first();
    expect(await settledAfterTasks(whenSettled())).toBe(false);
    second();
    expect(await settledAfterTasks(whenSettled())).toBe(true);
  });
});

describe('whenIdle', () => {
  it('waits for an idle callback, with a timeout so that a busy page still gets there', async () => {
    let idle: (() => void) | undefined;
    const requestIdleCallback = vi.fn((callback: () => void) => {
      idle = callback;
      return 1;
    });
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    const done = whenIdle();
    expect(await settledAfterTasks(done)).toBe(false);
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 2000 });
    idle?.();
    expect(await settledAfterTasks(done)).toBe(true);
  });

  it('resolves in a later task where the browser has no idle callbacks', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    expect(await settledAfterTasks(whenIdle())).toBe(true);
  });
});
