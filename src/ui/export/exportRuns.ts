import { slug, type ExportRun } from '../../export/exportBundle';
import { exportSetupOf } from '../../export/exportSetup';
import type { LabRunSettings } from '../../lab/labSettings';
import { labHash } from '../../lab/urlState';
import type { Experiment } from '../../lessons/schema';

/** A full link that opens these settings as run A of the Lab. */
function labLink(settings: LabRunSettings): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${labHash([settings])}`;
}

/** The Lab's run `letter`, as it is set now. */
export function labExportRun(settings: LabRunSettings, letter: string): ExportRun {
  return {
    setup: exportSetupOf(settings, { title: `Lab run ${letter}`, link: labLink(settings) }),
    folder: `run-${letter.toLowerCase()}`,
  };
}

/** Every run of a lesson experiment, as the learner has set it, with its label. */
export function experimentExportRuns(
  experiment: Experiment,
  runs: readonly { readonly label: string; readonly settings: LabRunSettings }[],
): (ExportRun & { readonly label: string })[] {
  return runs.map(({ label, settings }) => ({
    label,
    folder: slug(label),
    setup: exportSetupOf(settings, {
      title: `${experiment.title}, run "${label}"`,
      link: labLink(settings),
      steps: experiment.steps,
      validationEvery: experiment.validationEvery,
    }),
  }));
}
