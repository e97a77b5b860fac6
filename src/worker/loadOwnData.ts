import { OwnDataError, ownDataSplit, type OwnSplit } from '../engine/data/ownData';
import { loadOwnData, type OwnDataRecord } from '../data/ownDataStore';
import type { DatasetChoice, OwnDatasetId } from '../lab/datasets';

const WHAT: Record<OwnDatasetId, string> = {
  csv: 'your own CSV file',
  drawn: 'points drawn by hand',
};
const ASK: Record<OwnDatasetId, string> = {
  csv: 'Choose the CSV file under Data to train on it',
  drawn: 'Draw points under Data to train on them',
};

/**
 * The train and validation sets of an own dataset, read from `read` (the browser's IndexedDB in
 * the app). The data never travels in a link, so a run set up from one finds nothing, or another
 * table: both get a message that says so and what to do.
 */
export async function loadOwnSplit(
  choice: DatasetChoice & { readonly id: OwnDatasetId },
  read: (id: OwnDatasetId) => Promise<OwnDataRecord | undefined> = (id) => loadOwnData(id),
): Promise<OwnSplit> {
  let record: OwnDataRecord | undefined;
  try {
    record = await read(choice.id);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new OwnDataError(
      `This run trains on ${WHAT[choice.id]}, but this browser's storage could not be read (${why}). ${ASK[choice.id]} again.`,
    );
  }
  if (!record || choice.fingerprint === undefined) {
    throw new OwnDataError(
      `This run trains on ${WHAT[choice.id]}, which is not stored in this browser: a link carries the settings, never the data. ${ASK[choice.id]}.`,
    );
  }
  if (record.fingerprint !== choice.fingerprint) {
    throw new OwnDataError(
      `This run was set up for another version of ${WHAT[choice.id]} than the one stored now (${record.data.name}). Press Reset to train on the stored one.`,
    );
  }
  return ownDataSplit(record.data, record.options);
}
