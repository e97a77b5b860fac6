// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { panelLag, setPanelStagger, useLaggedValue } from '../../../src/ui/lab/useLaggedValue';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setPanelStagger(undefined);
});

describe('useLaggedValue', () => {
  it('shows each value the lag after it arrived, and skips none', () => {
    const shown: number[] = [];
    const { rerender } = renderHook(
      ({ value }) => {
        const lagged = useLaggedValue(value, 30);
        if (shown[shown.length - 1] !== lagged) shown.push(lagged);
        return lagged;
      },
      { initialProps: { value: 1 } },
    );
    // 2 and 3 arrive 10 ms apart, both within the lag of 2
    rerender({ value: 2 });
    act(() => void vi.advanceTimersByTime(10));
    rerender({ value: 3 });
    act(() => void vi.advanceTimersByTime(19));
    expect(shown).toEqual([1]);
    act(() => void vi.advanceTimersByTime(1));
    expect(shown).toEqual([1, 2]);
    act(() => void vi.advanceTimersByTime(10));
    expect(shown).toEqual([1, 2, 3]);
  });

  it('is the value itself without a lag', () => {
    const { result, rerender } = renderHook(({ value }) => useLaggedValue(value, 0), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'b' });
    expect(result.current).toBe('b');
  });

  it('leaves no timer behind when the panel goes away', () => {
    const { rerender, unmount } = renderHook(({ value }) => useLaggedValue(value, 30), {
      initialProps: { value: 1 },
    });
    rerender({ value: 2 });
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('panelLag', () => {
  it('puts each group of panels a stagger after the one above it', () => {
    setPanelStagger(20);
    expect([0, 1, 2].map(panelLag)).toEqual([0, 20, 40]);
    setPanelStagger(0);
    expect(panelLag(2)).toBe(0);
  });
});
