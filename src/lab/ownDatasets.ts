import type { OwnData, OwnDataOptions } from '../engine/data/ownData';

/**
 * What the page knows of the learner's own datasets: their shape, names and options, never their
 * rows (a training worker reads those from the browser's storage). The store keeps this up to date,
 * so that `datasetInfo('csv')` describes the file the learner chose.
 */
export interface OwnDataSummary extends Omit<OwnData, 'x' | 'y'> {
  readonly options: OwnDataOptions;
  readonly labelColumn?: number;
  readonly fingerprint: string;
}

const summaries = new Map<'csv' | 'drawn', OwnDataSummary>();

export function ownDataSummary(id: 'csv' | 'drawn'): OwnDataSummary | undefined {
  return summaries.get(id);
}

export function setOwnDataSummary(id: 'csv' | 'drawn', summary: OwnDataSummary | undefined): void {
  if (summary) summaries.set(id, summary);
  else summaries.delete(id);
}
