// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLabStore, type LabState } from '../../../src/store/labStore';
import { useThrottledLabState } from '../../../src/ui/lab/useThrottledLabState';
import { snapshotOf } from '../../store/fakeRunWorker';
import { setupLabTests } from './labTestEnvironment';

setupLabTests();

const selectStep = (s: LabState) => s.runs[0]?.step ?? 0;
const OPTIONS = { share: 4, minIntervalMs: 200, maxIntervalMs: 1000 } as const;
let renders = 0;

function Probe() {
  const step = useThrottledLabState(selectStep, OPTIONS);
  renders++;
  return <p>step {step}</p>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('useThrottledLabState', () => {
  it('shows the first change at once, then at most one redraw per interval, ending on the latest', async () => {
    renders = 0;
    render(<Probe />);
    const id = useLabStore.getState().runs[0]!.id;
    act(() => useLabStore.getState().receive(id, snapshotOf(1, 1)));
    expect(screen.getByText('step 1')).toBeInTheDocument();
    const before = renders;
    // 20 updates within ~100 ms: far fewer redraws
    for (let s = 2; s <= 21; s++) {
      act(() => useLabStore.getState().receive(id, snapshotOf(s, s)));
      await act(() => sleep(5));
    }
    expect(renders - before).toBeLessThanOrEqual(2);
    await act(() => sleep(300));
    expect(screen.getByText('step 21')).toBeInTheDocument();
  });
});
