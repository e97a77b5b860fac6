/**
 * The engine's own source files as text, bundled at build time, so a lesson shows exactly the code that
 * trains the learner's networks (keys are '/src/engine/…' paths).
 */
export const ENGINE_SOURCES: Readonly<Record<string, string>> = import.meta.glob<string>(
  '/src/engine/**/*.ts',
  { query: '?raw', import: 'default', eager: true },
);

const PYTHON_FILES: Readonly<Record<string, string>> = import.meta.glob<string>(
  '/src/export/scratch/*.py',
  { query: '?raw', import: 'default', eager: true },
);

/** From-scratch Python versions of engine layers, shown beside the engine's source. */
export const PYTHON_TWINS: Readonly<Record<'batchNorm1d', { path: string; text: string }>> = {
  batchNorm1d: {
    path: 'src/export/scratch/batch_norm_1d.py',
    text: (PYTHON_FILES['/src/export/scratch/batch_norm_1d.py'] ?? '').trimEnd(),
  },
};
