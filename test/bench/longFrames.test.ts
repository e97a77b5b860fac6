import { describe, expect, it } from 'vitest';
import { describeLongTask, type LongFrame } from '../../bench/ui/longFrames';

const script = (invoker: string, start: number, duration: number, url = '', functionName = '') => ({
  invoker,
  functionName,
  url,
  start,
  duration,
  forcedStyleAndLayout: 0,
});

// A frame from 1000 to 1090 ms: a worker message handled for 40 ms, then rendering from 1060 (a
// 5 ms animation-frame callback inside it) with style, layout and paint from 1075.
const frame: LongFrame = {
  start: 1000,
  duration: 90,
  blockingDuration: 40,
  renderStart: 1060,
  styleAndLayoutStart: 1075,
  scripts: [
    script('Worker.onmessage', 1005, 40, 'http://127.0.0.1:4173/assets/appStore-X.js'),
    script('FrameRequestCallback', 1060, 5),
  ],
};

describe('describeLongTask', () => {
  it('names the scripts, the rendering and what neither accounts for, counting animation-frame callbacks once', () => {
    // Scripts 45 ms; rendering 1090 − 1060 = 30 ms (style, layout and paint 15 ms); unaccounted
    // 90 − 40 (the script before rendering) − 30 = 20 ms.
    expect(describeLongTask({ start: 1002, duration: 85 }, [frame])).toBe(
      '85 ms: frame of 90 ms: scripts 45 ms [Worker.onmessage (appStore-X.js) 40 ms; ' +
        'FrameRequestCallback 5 ms], rendering 30 ms (from animation-frame callbacks; style, ' +
        'layout and paint 15 ms), unaccounted 20 ms',
    );
  });

  it('says so when no long animation frame overlaps the task', () => {
    expect(describeLongTask({ start: 2000, duration: 60 }, [frame])).toBe(
      '60 ms: no long animation frame overlaps it',
    );
  });
});
