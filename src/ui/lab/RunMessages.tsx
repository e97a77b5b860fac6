import { settingsProblems } from '../../lab/settingsProblems';
import type { LabRun } from '../../store/labRun';
import { divergenceAdvice } from './runStatusText';
import { formatCount } from '../../lab/formatNumber';

function StartOver({ onClick }: { readonly onClick: () => void }) {
  return (
    <button
      type="button"
      className="nl-button nl-button--quiet nl-message__action"
      onClick={onClick}
    >
      Start this run over
    </button>
  );
}

/**
 * What the learner should know about this run: a failure the worker reported, a divergence, and
 * problems with the chosen settings (shown before training, as soon as they are chosen).
 */
export function RunMessages({
  run,
  onStartOver,
}: {
  readonly run: LabRun;
  /** Resets this run only (the toolbar's Reset resets every run). */
  readonly onStartOver: () => void;
}) {
  const problems = settingsProblems(run.settings);
  const failed = run.status === 'error';
  return (
    <div className="nl-messages">
      {run.status === 'diverged' ? (
        <div className="nl-message nl-message--error" role="alert">
          <p className="nl-message__title">
            Diverged at step {formatCount(run.divergedAt ?? run.step)}
          </p>
          <p>
            The numbers overflowed: {run.message ?? 'a value became infinite'}. The steps were too
            large for this network. {divergenceAdvice(run)}
          </p>
          <StartOver onClick={onStartOver} />
        </div>
      ) : null}
      {failed && run.refused ? (
        // Nothing ran: these settings were refused before training, and starting over would be
        // refused the same way, so the message names the setting to lower instead.
        <div className="nl-message nl-message--error" role="alert">
          <p className="nl-message__title">Too large to train with these settings</p>
          <p>{run.message}</p>
        </div>
      ) : failed ? (
        <div className="nl-message nl-message--error" role="alert">
          <p className="nl-message__title">Training stopped</p>
          <p>{run.message}</p>
          <StartOver onClick={onStartOver} />
        </div>
      ) : null}
      {problems
        // The worker's error already explains an error-level problem once it has happened.
        .filter((p) => !(failed && p.severity === 'error'))
        .map((problem) => (
          <div
            key={problem.title}
            className={`nl-message nl-message--${problem.severity}`}
            role={problem.severity === 'error' ? 'alert' : undefined}
          >
            <p className="nl-message__title">{problem.title}</p>
            <p>{problem.message}</p>
          </div>
        ))}
    </div>
  );
}
