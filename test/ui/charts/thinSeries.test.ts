import { describe, expect, it } from 'vitest';
import { pixelMap } from '../../../src/ui/charts/plotScale';
import { traceThinned, type PathSink } from '../../../src/ui/charts/thinSeries';

/** Records the trace as 'M x,y' and 'L x,y' commands. */
function recorder(): PathSink & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    moveTo: (x, y) => void commands.push(`M ${x},${y}`),
    lineTo: (x, y) => void commands.push(`L ${x},${y}`),
  };
}

// x: values 0..10 onto pixels 0..10 (one unit per pixel); y: values 0..100 onto pixels 100..0
const identityX = pixelMap({ kind: 'linear', domain: [0, 10] }, 0, 10);
const flippedY = pixelMap({ kind: 'linear', domain: [0, 100] }, 100, 0);

describe('traceThinned', () => {
  it('keeps every point when each has its own pixel column', () => {
    const sink = recorder();
    const n = traceThinned([0, 1, 2], [10, 40, 20], identityX, flippedY, sink);
    expect(n).toBe(3);
    expect(sink.commands).toEqual(['M 0,90', 'L 1,60', 'L 2,80']);
  });

  it('keeps only the lowest and highest point of a crowded column, in the order they came', () => {
    // x 3.0 to 3.8 share column 3: y values 50, 70 (highest), 55, 20 (lowest), 60.
    // Kept: the stretch's first point (x 3, y 50), then 70 (index 1) before 20 (index 3), then the last (60).
    const sink = recorder();
    traceThinned([3, 3.2, 3.4, 3.6, 3.8], [50, 70, 55, 20, 60], identityX, flippedY, sink);
    expect(sink.commands).toEqual(['M 3,50', 'L 3.2,30', 'L 3.6,80', 'L 3.8,40']);
  });

  it('keeps a one-step spike among thousands of points', () => {
    // 10,000 points over 10 px: flat at 10 except one spike to 95 at index 6,543.
    const n = 10_000;
    const xs = Float64Array.from({ length: n }, (_, i) => (i / n) * 10);
    const ys = Float64Array.from({ length: n }, (_, i) => (i === 6543 ? 95 : 10));
    const sink = recorder();
    const vertices = traceThinned(xs, ys, identityX, flippedY, sink);
    // at most two per column plus the stretch's exact first and last points
    expect(vertices).toBeLessThanOrEqual(2 * 10 + 2);
    const spikeY = 100 - 95;
    expect(sink.commands.some((c) => c.endsWith(`,${spikeY}`))).toBe(true);
  });

  it('ends on the exact last point even when it is neither extreme of its column', () => {
    const sink = recorder();
    traceThinned([5, 5.3, 5.6], [30, 90, 60], identityX, flippedY, sink);
    expect(sink.commands[sink.commands.length - 1]).toBe('L 5.6,40');
  });

  it('widens the columns to fit a vertex budget', () => {
    const xs = Float64Array.from({ length: 100 }, (_, i) => i / 10);
    const ys = Float64Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    const sink = recorder();
    const vertices = traceThinned(xs, ys, identityX, flippedY, sink, { columnPx: 5 });
    // two 5 px columns, two vertices each, plus the first and last points
    expect(vertices).toBeLessThanOrEqual(6);
  });

  it('breaks the line where the axis cannot show a value', () => {
    const logY = pixelMap({ kind: 'log', domain: [0.1, 10] }, 100, 0);
    const sink = recorder();
    traceThinned([1, 2, 3, 4], [1, 0, 10, 0.1], identityX, logY, sink);
    // 0 has no place on a log axis: the pen lifts and lands again at x 3
    expect(sink.commands).toEqual(['M 1,50', 'M 3,0', 'L 4,100']);
  });

  it('joins across such values when asked to', () => {
    const logY = pixelMap({ kind: 'log', domain: [0.1, 10] }, 100, 0);
    const sink = recorder();
    traceThinned([1, 2, 3], [1, Number.NaN, 10], identityX, logY, sink, { connectGaps: true });
    expect(sink.commands).toEqual(['M 1,50', 'L 3,0']);
  });

  it('traces nothing for an empty series, and one point for a lone one', () => {
    const empty = recorder();
    expect(traceThinned([], [], identityX, flippedY, empty)).toBe(0);
    expect(empty.commands).toEqual([]);
    const lone = recorder();
    expect(traceThinned([2], [50], identityX, flippedY, lone)).toBe(1);
    expect(lone.commands).toEqual(['M 2,50']);
  });
});
