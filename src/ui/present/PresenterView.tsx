import { useMemo, type ReactNode } from 'react';
import { ChartViewContext, useChartView, type LossView } from './chartView';
import './present.css';

export interface PresenterViewProps {
  /** Whether its contents are shown for a projector; false leaves them exactly as they were. */
  readonly presenting: boolean;
  /** The loss charts' log scale and smoothing, when the caller keeps them (else each chart does). */
  readonly loss?: LossView | undefined;
  readonly className?: string | undefined;
  readonly children: ReactNode;
  /** The landmark's name while presenting, e.g. 'Lab, presenter mode'. */
  readonly label?: string | undefined;
}

/**
 * Presenter mode for whatever it wraps (the Lab, a lesson experiment, a deck scene): every chart inside
 * draws its labels, ticks and legends at 20 px or more, its lines thicker and its runs in the presenter
 * palette (presenterPalette.ts), with loss smoothing on by default. Turning it off restores the
 * learner's layout, since nothing outside the wrapper changes.
 */
export function PresenterView({
  presenting,
  loss,
  className,
  children,
  label,
}: PresenterViewProps) {
  const parent = useChartView();
  const inherited = loss ?? parent.loss;
  const value = useMemo(() => ({ presenting, loss: inherited }), [presenting, inherited]);
  const classes = [className, presenting ? 'nl-present' : undefined].filter(Boolean).join(' ');
  return (
    <div
      className={classes || undefined}
      role={presenting && label ? 'region' : undefined}
      aria-label={presenting ? label : undefined}
    >
      <ChartViewContext.Provider value={value}>{children}</ChartViewContext.Provider>
    </div>
  );
}
