import { memo, useEffect, useMemo, useRef } from 'react';
import type { DigitPredictions } from '../../worker/protocol';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import {
  digitCaption,
  digitItems,
  digitProblem,
  digitRgba,
  summarizeDigits,
} from './digitGridData';
import { context2d } from './canvasSupport';

export interface DigitGridProps extends ChartOptions {
  /** The latest Snapshot.digits (MNIST runs only). */
  readonly digits?: DigitPredictions | undefined;
  readonly step?: number | undefined;
}

/** One digit at its native resolution; CSS enlarges it with crisp pixels. */
function DigitCanvas({
  digits,
  index,
}: {
  readonly digits: DigitPredictions;
  readonly index: number;
}) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const ctx = context2d(canvas);
    if (!ctx) return;
    const image = ctx.createImageData(digits.width, digits.height);
    image.data.set(digitRgba(digits, index));
    ctx.putImageData(image, 0, 0);
  }, [digits, index]);
  return <canvas ref={ref} width={digits.width} height={digits.height} aria-hidden="true" />;
}

const TEXT: ChartText = {
  title: 'Test digits',
  emptyMessage: "Press Train to see the network's guesses for a fixed set of test digits.",
};

/** MNIST test digits with the network's current guesses; wrong ones are marked by border, symbol and word. */
export const DigitGrid = memo(function DigitGrid({ digits, step, ...options }: DigitGridProps) {
  const problem = digits ? digitProblem(digits) : null;
  const items = useMemo(() => (digits && !problem ? digitItems(digits) : []), [digits, problem]);
  const summary = useMemo(() => summarizeDigits(items, step), [items, step]);
  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={!digits}
      summary={summary}
      description={<p>The same test digits all run long; wrong guesses have a dashed red frame.</p>}
    >
      {problem ? (
        <p className="nl-chart__error" role="alert">
          The digits cannot be shown: {problem}.
        </p>
      ) : (
        <ul className="nl-digits">
          {items.map((item) => (
            <li
              key={item.index}
              className={`nl-digit ${item.correct ? 'nl-digit--right' : 'nl-digit--wrong'}`}
            >
              {digits ? <DigitCanvas digits={digits} index={item.index} /> : null}
              <span className="nl-digit__mark">
                <span aria-hidden="true">{item.correct ? '✓ ' : '✗ '}</span>
                {item.correct ? 'right' : 'wrong'}
              </span>
              {digitCaption(item)}
            </li>
          ))}
        </ul>
      )}
    </ChartCard>
  );
});
