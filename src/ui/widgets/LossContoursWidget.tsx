import { useEffect, useId, useMemo, useState } from 'react';
import {
  bestRate,
  gdPath,
  largestStableRate,
  loss,
  standardizedProblem,
  stepsToConverge,
  unscaledProblem,
  CONVERGED_DISTANCE,
  type Convergence,
  type QuadraticProblem,
  type Vec2,
} from '../../lessons/widgets/lossContours';
import type { Widget } from '../../lessons/schema';
import { formatNumber, formatStep } from '../charts/format';
import { RUN_COLORS } from '../charts/palette';
import { ContourPlot } from './ContourPlot';
import { RangeField } from './fields/RangeField';
import { WidgetFrame } from './WidgetFrame';

type LossContoursData = Extract<Widget, { widget: 'lossContours' }>;

/** Milliseconds between steps while running. */
export const RUN_INTERVAL_MS = 150;
/** Running stops here even if a path is still on its way (a very small step size). */
export const MAX_SHOWN_STEPS = 500;
/** Slider positions from 1% to 125% of the largest stable step. */
const RATE_POSITIONS = 250;

function sliderRate(problem: QuadraticProblem, position: number): number {
  return (largestStableRate(problem) * 1.25 * position) / RATE_POSITIONS;
}

function ratePosition(problem: QuadraticProblem, rate: number): number {
  return Math.round((rate / (largestStableRate(problem) * 1.25)) * RATE_POSITIONS);
}

function convergenceText(c: Convergence): string {
  switch (c.kind) {
    case 'converges':
      return `reaches the minimum (within ${CONVERGED_DISTANCE}) in ${formatStep(c.steps)} ${c.steps === 1 ? 'step' : 'steps'}`;
    case 'diverges':
      return `diverges: every step overshoots further than the last`;
    case 'stalls':
      return `has not reached the minimum after ${formatStep(c.steps)} steps`;
  }
}

/** Sign changes of the steep coordinate's steps: how many times the path crossed the valley. */
function crossings(path: readonly Vec2[]): number {
  let count = 0;
  let previous = 0;
  for (let i = 1; i < path.length; i++) {
    const move = path[i]![1] - path[i - 1]![1];
    if (move !== 0 && previous !== 0 && Math.sign(move) !== Math.sign(previous)) count++;
    if (move !== 0) previous = move;
  }
  return count;
}

interface PanelProps {
  readonly name: string;
  readonly problem: QuadraticProblem;
  readonly rate: number;
  readonly steps: number;
  readonly color: string;
  readonly onRate: (rate: number) => void;
}

function ProblemPanel({ name, problem, rate, steps, color, onRate }: PanelProps) {
  const headingId = useId();
  const path = useMemo(() => gdPath(problem, rate, steps), [problem, rate, steps]);
  const convergence = useMemo(() => stepsToConverge(problem, rate), [problem, rate]);
  const current = path[path.length - 1]!;
  const [a, b] = problem.curvatures;
  const shape =
    a === b
      ? 'round contours'
      : `elliptical contours ${formatNumber(Math.sqrt(Math.max(a, b) / Math.min(a, b)))} times longer than wide`;
  const distance = Math.hypot(current[0], current[1]);
  const where = Number.isFinite(distance)
    ? `${formatNumber(distance)} from the minimum, loss ${formatNumber(loss(problem, current))}`
    : 'far outside the plot';
  const zigzags = crossings(path);
  const description = `${name}: ${shape}. After ${formatStep(path.length - 1)} steps the path is ${where}${zigzags > 0 ? `, having crossed the valley ${zigzags} ${zigzags === 1 ? 'time' : 'times'}` : ', moving in a straight line'}.`;
  return (
    <section className="nl-contours__panel" aria-labelledby={headingId}>
      <h4 id={headingId} className="nl-contours__name">
        {name}
      </h4>
      <p className="nl-contours__curvature">
        Curvatures λ₁ = {formatNumber(a)}, λ₂ = {formatNumber(b)}
      </p>
      <ContourPlot problem={problem} path={path} description={description} color={color} />
      <RangeField
        label={`Learning rate η (${name.toLowerCase()})`}
        hint={`Stable below 2/λ_max = ${formatNumber(largestStableRate(problem))}; fastest at 2/(λ_min + λ_max) = ${formatNumber(bestRate(problem))}.`}
        value={ratePosition(problem, rate)}
        min={1}
        max={RATE_POSITIONS}
        valueText={`η = ${formatNumber(rate)}`}
        onChange={(position) => onRate(sliderRate(problem, position))}
      />
      <p className="nl-contours__verdict">
        At this η, gradient descent {convergenceText(convergence)}.
      </p>
    </section>
  );
}

export function LossContoursWidget({ widget }: { readonly widget: LossContoursData }) {
  const unscaled = useMemo(() => unscaledProblem(widget.condition), [widget.condition]);
  const standardized = useMemo(() => standardizedProblem(), []);
  const [rates, setRates] = useState(() => ({
    unscaled: bestRate(unscaled),
    standardized: bestRate(standardized),
  }));
  const [steps, setSteps] = useState(0);
  const [running, setRunning] = useState(false);

  // Running stops where both paths have arrived (or left for good), or at MAX_SHOWN_STEPS.
  const runLimit = useMemo(() => {
    const needed = (p: QuadraticProblem, rate: number) => {
      const c = stepsToConverge(p, rate);
      return c.kind === 'stalls' ? MAX_SHOWN_STEPS : c.steps;
    };
    return Math.min(
      MAX_SHOWN_STEPS,
      Math.max(needed(unscaled, rates.unscaled), needed(standardized, rates.standardized)),
    );
  }, [rates, unscaled, standardized]);
  const finished = steps >= runLimit;

  useEffect(() => {
    if (!running) return undefined;
    if (finished) {
      setRunning(false);
      return undefined;
    }
    const timer = setInterval(() => setSteps((s) => Math.min(s + 1, runLimit)), RUN_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [running, finished, runLimit]);

  const setRate = (which: 'unscaled' | 'standardized') => (rate: number) => {
    setRates((r) => ({ ...r, [which]: rate }));
    setSteps(0);
  };

  return (
    <WidgetFrame
      title={widget.title}
      intro={
        <p>
          Gradient descent on the loss ½(λ₁w₁² + λ₂w₂²) of a two-weight linear model. With unscaled
          features the curvatures differ {formatNumber(widget.condition)}-fold (condition number{' '}
          {formatNumber(widget.condition)}); standardizing the features makes them equal. Both start
          from the same weights (the black dot); the cross marks the minimum.
        </p>
      }
    >
      <div className="nl-contours__buttons" role="group" aria-label="Gradient descent">
        <button
          type="button"
          onClick={() => setSteps((s) => s + 1)}
          disabled={running || steps >= MAX_SHOWN_STEPS}
        >
          Step
        </button>
        <button type="button" onClick={() => setRunning((r) => !r)} disabled={!running && finished}>
          {running ? 'Pause' : 'Run'}
        </button>
        <button
          type="button"
          onClick={() => {
            setRunning(false);
            setSteps(0);
          }}
        >
          Reset
        </button>
        <button
          type="button"
          onClick={() => {
            setRates({ unscaled: bestRate(unscaled), standardized: bestRate(standardized) });
            setSteps(0);
          }}
        >
          Best step sizes
        </button>
        <span className="nl-contours__count">Step {formatStep(steps)}</span>
      </div>
      <div className="nl-contours">
        <ProblemPanel
          name="Unscaled features"
          problem={unscaled}
          rate={rates.unscaled}
          steps={steps}
          color={RUN_COLORS.B}
          onRate={setRate('unscaled')}
        />
        <ProblemPanel
          name="Standardized features"
          problem={standardized}
          rate={rates.standardized}
          steps={steps}
          color={RUN_COLORS.C}
          onRate={setRate('standardized')}
        />
      </div>
    </WidgetFrame>
  );
}
