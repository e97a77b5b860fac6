import { useId, useState } from 'react';
import {
  choiceFor,
  describeMeasure,
  formatMeasure,
  measureValue,
  predictionHeld,
  type Prediction,
  type PredictionAnswer,
} from '../../lessons/predictions';
import type { PredictionRecord } from '../../lessons/progress/schema';
import { useAppStore } from '../../store/appStore';
import { selectProgress, selectRecordPrediction } from '../../store/progressSlice';
import { isSettled, toRunHistory, type ExperimentRun } from './experimentRun';
import type { ExperimentPhase } from './useExperimentRuns';
import { InlineProse, Prose } from './Prose';
import { choiceName } from './choiceName';

export interface PredictionBoxProps {
  readonly prediction: Prediction;
  /** Where the prediction is kept in progress (lesson/prediction). */
  readonly progressKey: string;
  /** The experiment's live runs, to read the result from once the measured run has finished. */
  readonly runs: readonly ExperimentRun[];
  /** A prediction can only be made while the experiment has not started. */
  readonly phase: ExperimentPhase;
}

function answerText(prediction: Prediction, answer: PredictionAnswer): string {
  if ('choice' in answer) return prediction.choices?.[answer.choice]?.text ?? '';
  return formatMeasure(prediction.measure, answer.value);
}

function recordAnswer(record: PredictionRecord): PredictionAnswer {
  return 'choice' in record ? { choice: record.choice } : { value: record.value };
}

/**
 * Predict, then run: the learner commits to what the experiment below will show (a choice or a
 * slider value) before running it, and once the measured run has finished sees the prediction beside
 * the measurement. A prediction can only be made while the runs are untrained (after a Reset, say),
 * so it is never made with the answer on screen; once committed it is saved and cannot change.
 */
export function PredictionBox({ prediction, progressKey, runs, phase }: PredictionBoxProps) {
  const baseId = useId();
  const headingId = `${baseId}-heading`;
  const record = useAppStore(selectProgress).predictions[progressKey];
  const recordPrediction = useAppStore(selectRecordPrediction);
  const slider = prediction.slider;
  const [choice, setChoice] = useState<number | undefined>(undefined);
  const [value, setValue] = useState<number>(() =>
    slider ? slider.min + Math.round((slider.max - slider.min) / 2 / slider.step) * slider.step : 0,
  );
  const [missing, setMissing] = useState(false);

  const measured = runs.find((r) => r.label === prediction.measure.run);
  const result =
    measured && isSettled(measured)
      ? measureValue(prediction.measure, [toRunHistory(measured)])
      : undefined;

  const commit = (): void => {
    if (!slider && choice === undefined) {
      setMissing(true);
      return;
    }
    recordPrediction(progressKey, slider ? { value } : { choice: choice! });
  };

  const committed = record ? recordAnswer(record) : undefined;
  const measureName = describeMeasure(prediction.measure);
  return (
    <section className="nl-prediction" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span className="nl-block__kind">Predict first</span>{' '}
        <InlineProse text={prediction.question} />
      </h4>
      {committed === undefined && phase !== 'idle' ? (
        <p className="nl-hint">
          The experiment started before you made a prediction. To predict first, press Reset below,
          commit your prediction, then run it again.
        </p>
      ) : null}
      {committed === undefined && phase === 'idle' ? (
        <>
          {prediction.choices ? (
            <fieldset className="nl-quiz__choices" aria-labelledby={headingId}>
              <ul>
                {prediction.choices.map((c, i) => (
                  <li key={i} className="nl-quiz__choice">
                    <input
                      type="radio"
                      id={`${baseId}-choice-${i}`}
                      name={`${baseId}-choices`}
                      aria-label={choiceName(c.text)}
                      checked={choice === i}
                      onChange={() => {
                        setChoice(i);
                        setMissing(false);
                      }}
                    />
                    <label htmlFor={`${baseId}-choice-${i}`}>
                      <InlineProse text={c.text} />
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : slider ? (
            <p className="nl-prediction__slider">
              <label htmlFor={`${baseId}-slider`}>{measureName}</label>
              <input
                id={`${baseId}-slider`}
                type="range"
                min={slider.min}
                max={slider.max}
                step={slider.step}
                value={value}
                aria-valuetext={formatMeasure(prediction.measure, value)}
                onChange={(e) => setValue(Number(e.target.value))}
              />
              <output htmlFor={`${baseId}-slider`}>
                {formatMeasure(prediction.measure, value)}
              </output>
            </p>
          ) : null}
          <div className="nl-quiz__actions">
            <button type="button" className="nl-button nl-button--primary" onClick={commit}>
              Commit prediction
            </button>
            <span className="nl-hint">
              Commit before you run the experiment below; the prediction cannot be changed later.
            </span>
          </div>
        </>
      ) : null}
      <div role="status" className="nl-prediction__outcome">
        {missing && committed === undefined ? <p>Choose a prediction first.</p> : null}
        {committed !== undefined ? (
          <dl className="nl-prediction__compare">
            <div>
              <dt>Your prediction</dt>
              <dd>
                <InlineProse text={answerText(prediction, committed)} />
              </dd>
            </div>
            <div>
              <dt>Your runs: {measureName}</dt>
              <dd>
                {result === undefined
                  ? 'Run the experiment to see it.'
                  : formatMeasure(prediction.measure, result)}
              </dd>
            </div>
          </dl>
        ) : null}
        {committed !== undefined && result !== undefined ? (
          <Verdict prediction={prediction} answer={committed} result={result} />
        ) : null}
      </div>
    </section>
  );
}

function Verdict({
  prediction,
  answer,
  result,
}: {
  readonly prediction: Prediction;
  readonly answer: PredictionAnswer;
  readonly result: number;
}) {
  const held = predictionHeld(prediction, answer, result);
  const landed = choiceFor(prediction, result);
  const where =
    !held && landed !== undefined ? ` The result is: ${prediction.choices![landed]!.text}.` : '';
  return (
    <div className="nl-prediction__verdict">
      <p>
        <strong>
          {held ? 'Your prediction held.' : 'Your prediction did not hold.'}
          {where}
        </strong>
      </p>
      <Prose text={prediction.explanation} />
    </div>
  );
}
