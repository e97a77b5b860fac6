/**
 * The engine's own source files as text, bundled at build time, so a lesson shows exactly the code that
 * trains the learner's networks (keys are '/src/engine/…' paths).
 */
export const ENGINE_SOURCES: Readonly<Record<string, string>> = import.meta.glob<string>(
  '/src/engine/**/*.ts',
  { query: '?raw', import: 'default', eager: true },
);
