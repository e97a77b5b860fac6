import type { DatasetId } from '../../../lab/datasets';
import { CsvDataPanel } from './CsvDataPanel';
import { DrawPointsPanel } from './DrawPointsPanel';

/** The controls of the learner's own data, for a run that trains on it. */
export function OwnDataControls({ dataset }: { readonly dataset: DatasetId }) {
  if (dataset === 'csv') return <CsvDataPanel />;
  if (dataset === 'drawn') return <DrawPointsPanel />;
  return null;
}
