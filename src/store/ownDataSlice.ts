import { ownDataFingerprint, type OwnData, type OwnDataOptions } from '../engine/data/ownData';
import { deleteOwnData, loadOwnData, saveOwnData, type OwnDataRecord } from '../data/ownDataStore';
import type { OwnDatasetId } from '../lab/datasets';
import { setOwnDataSummary, type OwnDataSummary } from '../lab/ownDatasets';
import type { GetSlice, SetSlice } from './sliceAccess';

/** 'idle' before the Lab first opens; 'loading' while the stored data is read. */
export type OwnDataStatus = 'idle' | 'loading' | 'ready' | 'unavailable';

export interface OwnDataSlice {
  /** The learner's own datasets, as the page knows them (their rows stay in IndexedDB). */
  readonly ownData: Readonly<Partial<Record<OwnDatasetId, OwnDataSummary>>>;
  readonly ownDataStatus: OwnDataStatus;
  /** Reads what earlier visits stored, then sets up the runs that train on it. */
  restoreOwnData(): Promise<void>;
  /** Stores a new own table (replacing the old one) and retrains every run on it. */
  useOwnData(
    id: OwnDatasetId,
    data: OwnData,
    options: OwnDataOptions,
    labelColumn?: number,
  ): Promise<void>;
  /** New split or scaling options for a stored table; its runs start over with them. */
  setOwnDataOptions(id: OwnDatasetId, options: OwnDataOptions): Promise<void>;
  /** Deletes a stored table; runs on it say that it is missing. */
  forgetOwnData(id: OwnDatasetId): Promise<void>;
}

const OWN_IDS: readonly OwnDatasetId[] = ['csv', 'drawn'];

function summarize(record: OwnDataRecord): OwnDataSummary {
  const { data } = record;
  return {
    name: data.name,
    source: data.source,
    featureNames: data.featureNames,
    classNames: data.classNames,
    count: data.count,
    options: record.options,
    fingerprint: record.fingerprint,
    ...(record.labelColumn !== undefined ? { labelColumn: record.labelColumn } : {}),
  };
}

/**
 * What the own-data slice uses of the runs slice: setting up again the runs on a dataset that was
 * stored, replaced or forgotten. Declared here, not picked from RunsSlice, since the runs slice reads
 * this slice's types.
 */
interface OwnDataNeeds {
  reconfigureDataset(id: OwnDatasetId): void;
}
type OwnDataView = OwnDataSlice & OwnDataNeeds;

export function createOwnDataSlice(
  set: SetSlice<OwnDataView>,
  get: GetSlice<OwnDataView>,
): OwnDataSlice {
  const publish = (id: OwnDatasetId, summary: OwnDataSummary | undefined): void => {
    setOwnDataSummary(id, summary);
    set((state) => {
      const ownData = { ...state.ownData };
      if (summary) ownData[id] = summary;
      else delete ownData[id];
      return { ownData };
    });
  };

  return {
    ownData: {},
    ownDataStatus: 'idle',

    async restoreOwnData() {
      if (get().ownDataStatus !== 'idle') return;
      set({ ownDataStatus: 'loading' });
      let status: OwnDataStatus = 'ready';
      for (const id of OWN_IDS) {
        try {
          const record = await loadOwnData(id);
          if (record) publish(id, summarize(record));
        } catch {
          // No IndexedDB (a private window in some browsers): own data lasts this visit only.
          status = 'unavailable';
        }
      }
      set({ ownDataStatus: status });
      for (const id of OWN_IDS) get().reconfigureDataset(id);
    },

    async useOwnData(id, data, options, labelColumn) {
      const record: OwnDataRecord = {
        data,
        options,
        fingerprint: ownDataFingerprint(data, options),
        ...(labelColumn !== undefined ? { labelColumn } : {}),
      };
      // Stored before any run asks for it: the training worker reads it from there.
      await saveOwnData(id, record);
      publish(id, summarize(record));
      get().reconfigureDataset(id);
    },

    async setOwnDataOptions(id, options) {
      const record = await loadOwnData(id);
      if (!record) return;
      await get().useOwnData(id, record.data, options, record.labelColumn);
    },

    async forgetOwnData(id) {
      await deleteOwnData(id);
      publish(id, undefined);
      get().reconfigureDataset(id);
    },
  };
}
