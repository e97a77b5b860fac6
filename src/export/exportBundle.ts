import type { DatasetLoader } from '../worker/loadDataset';
import { exportFiles, exportZip, type ExportFiles } from './exportFiles';
import type { ExportSetup } from './exportSetup';

/** One run of a download: its setup and the folder its files go in. */
export interface ExportRun {
  readonly setup: ExportSetup;
  readonly folder: string;
}

/**
 * The zip the "Export to PyTorch" button downloads: for each run a self-contained folder (train.py,
 * train.ipynb, README.md, data.npz, initial_weights.npz), all inside a folder named like the zip.
 */
export async function exportBundle(
  runs: readonly ExportRun[],
  name: string,
  loadDataset: DatasetLoader,
): Promise<Uint8Array> {
  if (runs.length === 0) throw new Error('There is no run to export.');
  const all: Record<string, Uint8Array> = {};
  for (const { setup, folder } of runs) {
    const files: ExportFiles = exportFiles(setup, await loadDataset(setup.dataset));
    const prefix = runs.length === 1 ? '' : `${folder}/`;
    for (const [file, bytes] of Object.entries(files)) all[`${prefix}${file}`] = bytes;
  }
  return exportZip(all, name);
}

/** A file or folder name from a title: lowercase letters, digits and dashes. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'run' : s.slice(0, 60);
}
