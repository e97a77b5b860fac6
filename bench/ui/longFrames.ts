/** A long animation frame as inPageProbe.js records it (times are performance.now() milliseconds). */
export interface LongFrame {
  readonly start: number;
  readonly duration: number;
  readonly blockingDuration: number;
  /** 0: the frame rendered nothing. */
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly {
    readonly invoker: string;
    readonly functionName: string;
    readonly url: string;
    readonly start: number;
    readonly duration: number;
    readonly forcedStyleAndLayout: number;
  }[];
}

/** A long task as the Long Tasks API gives it. */
export interface TaskSpan {
  readonly start: number;
  readonly duration: number;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const file = (url: string): string => url.slice(url.lastIndexOf('/') + 1) || url;

/**
 * What a long task was made of, from the long animation frames that overlap it: the scripts that ran
 * (invoker, function, file; the longest three), its rendering (animation-frame callbacks, then style,
 * layout and paint), and the rest of the frame, which no script and no rendering step accounts for
 * (a garbage collection outside scripts, a task that is not a script, or the thread waiting for a
 * core). Time a script spent waiting for a core or in a garbage collection counts as the script's.
 */
export function describeLongTask(task: TaskSpan, frames: readonly LongFrame[]): string {
  const end = task.start + task.duration;
  const overlapping = frames.filter((f) => f.start < end && f.start + f.duration > task.start);
  const head = `${ms(task.duration)}`;
  if (overlapping.length === 0) return `${head}: no long animation frame overlaps it`;
  return `${head}: ${overlapping.map(describeFrame).join(' | ')}`;
}

function describeFrame(frame: LongFrame): string {
  const end = frame.start + frame.duration;
  const scriptMs = frame.scripts.reduce((sum, s) => sum + s.duration, 0);
  const renderMs = frame.renderStart > 0 ? end - frame.renderStart : 0;
  const styleLayoutMs = frame.styleAndLayoutStart > 0 ? end - frame.styleAndLayoutStart : 0;
  // Rendering begins with the animation-frame callbacks, which are scripts too: count each once.
  const scriptsBeforeRender = frame.scripts
    .filter((s) => frame.renderStart <= 0 || s.start < frame.renderStart)
    .reduce((sum, s) => sum + s.duration, 0);
  const rest = Math.max(0, frame.duration - scriptsBeforeRender - renderMs);
  const scripts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map(
      (s) =>
        `${s.invoker}${s.functionName === '' ? '' : ` ${s.functionName}`}` +
        `${s.url === '' ? '' : ` (${file(s.url)})`} ${ms(s.duration)}` +
        (s.forcedStyleAndLayout > 1 ? `, forced layout ${ms(s.forcedStyleAndLayout)}` : ''),
    );
  return (
    `frame of ${ms(frame.duration)}: scripts ${ms(scriptMs)}` +
    (scripts.length > 0 ? ` [${scripts.join('; ')}]` : '') +
    `, rendering ${ms(renderMs)} (from animation-frame callbacks; style, layout and paint ${ms(styleLayoutMs)}), unaccounted ${ms(rest)}`
  );
}
