import type { TestProject } from 'vitest/node';
import { startPreview } from './previewServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The preview server's address, e.g. http://127.0.0.1:41234/ */
    baseUrl: string;
  }
}

/** One `vite preview` of the production build for the whole e2e run (scripts/e2e.ts builds it first). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPreview();
  project.provide('baseUrl', server.url);
  return () => server.close();
}
