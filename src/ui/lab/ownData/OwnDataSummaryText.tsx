import type { OwnDatasetId } from '../../../lab/datasets';
import type { OwnDataSummary } from '../../../lab/ownDatasets';
import type { OwnDataStatus } from '../../../store/ownDataSlice';
import { formatCount } from '../../../lab/formatNumber';

const MISSING: Record<OwnDatasetId, string> = {
  csv: 'No CSV file yet. If you opened a link to a run on someone’s own data: the data is not in the link (a link carries settings only). Choose the CSV file to train on it.',
  drawn:
    'No points yet: place points of each class on the plane, then press “Train on these points”.',
};

/** What own data the runs train on, or what to do when there is none. */
export function OwnDataSummaryText({
  id,
  summary,
  storage,
}: {
  readonly id: OwnDatasetId;
  readonly summary: OwnDataSummary | undefined;
  readonly storage: OwnDataStatus;
}) {
  if (storage === 'loading') return <p className="nl-note">Reading your stored data…</p>;
  if (storage === 'unavailable' && !summary) {
    return (
      <p className="nl-note nl-own-data__missing">
        This browser does not let the page keep data (IndexedDB is blocked, as in some private
        windows), and training reads your own data from there: it cannot be used in this window.
      </p>
    );
  }
  if (!summary) return <p className="nl-note nl-own-data__missing">{MISSING[id]}</p>;
  const { options } = summary;
  const features = summary.featureNames.length;
  const label =
    summary.labelColumn !== undefined ? ` Label: column ${summary.labelColumn + 1}.` : '';
  return (
    <p className="nl-note nl-own-data__summary">
      Training on <strong>{summary.name}</strong>: {formatCount(summary.count)} rows, {features}{' '}
      feature{features === 1 ? '' : 's'}, {summary.classNames.length} classes (
      {summary.classNames.slice(0, 6).join(', ')}
      {summary.classNames.length > 6 ? ', …' : ''}).{label}{' '}
      {Math.round(options.validationFraction * 100)}% held out for validation
      {options.standardize ? ', features standardized' : ''}. Kept in this browser only.
    </p>
  );
}
