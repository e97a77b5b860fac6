import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { OwnData, OwnDataOptions } from '../engine/data/ownData';

/**
 * The learner's own data, kept in this browser only (IndexedDB, through idb-keyval): one table
 * from a CSV file and one drawn 2-D set, each with the options it trains with. The page keeps the
 * small description (`OwnDataRecord` without the arrays) and a training worker reads the arrays
 * itself, so a 50 MB table never crosses the page's thread.
 */
export type OwnSlot = 'csv' | 'drawn';

export interface OwnDataRecord {
  readonly data: OwnData;
  readonly options: OwnDataOptions;
  /** The CSV column that holds the label (0-based; drawn sets have none). */
  readonly labelColumn?: number;
  /** Identifies exactly these rows and options: a run configured for one version never trains on another. */
  readonly fingerprint: string;
}

const DATABASE = 'normlab-own-data';
let store: UseStore | undefined;
function ownStore(): UseStore {
  store ??= createStore(DATABASE, 'datasets');
  return store;
}

export async function saveOwnData(slot: OwnSlot, record: OwnDataRecord): Promise<void> {
  await set(slot, record, ownStore());
}

export async function loadOwnData(slot: OwnSlot): Promise<OwnDataRecord | undefined> {
  return get<OwnDataRecord>(slot, ownStore());
}

export async function deleteOwnData(slot: OwnSlot): Promise<void> {
  await del(slot, ownStore());
}
