/**
 * Picks the lines of an engine source file a lesson wants to show. The widget names a file under
 * src/engine and, optionally, a marker text for the first and for the last line; anything that does
 * not resolve becomes a message saying what is missing and what exists instead.
 */

export const ENGINE_ROOT = '/src/engine/';

export interface SourceRequest {
  /** Path under src/engine, like layers/batchNorm.ts. */
  readonly file: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export type SourceExcerpt =
  | {
      readonly ok: true;
      readonly path: string;
      /** 1-based number of the first line shown. */
      readonly firstLine: number;
      readonly lines: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

function nearbyFiles(sources: Readonly<Record<string, string>>, file: string): string[] {
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return Object.keys(sources)
    .filter((key) => key.startsWith(ENGINE_ROOT + folder))
    .map((key) => key.slice(ENGINE_ROOT.length))
    .filter((rest) => !rest.slice(folder.length).includes('/'))
    .sort();
}

/**
 * The excerpt of `request.file` from the line containing `from` to the line containing `to` (both
 * included; `to` is looked for from the `from` line on). `sources` maps '/src/engine/…' paths to text.
 */
export function sourceExcerpt(
  sources: Readonly<Record<string, string>>,
  request: SourceRequest,
): SourceExcerpt {
  const path = `src/engine/${request.file}`;
  const text = sources[ENGINE_ROOT + request.file];
  if (text === undefined) {
    const nearby = nearbyFiles(sources, request.file);
    return {
      ok: false,
      message: `There is no engine file ${path}.${nearby.length > 0 ? ` Files in that folder: ${nearby.join(', ')}.` : ''}`,
    };
  }
  const all = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  let start = 0;
  if (request.from !== undefined) {
    start = all.findIndex((line) => line.includes(request.from!));
    if (start < 0) {
      return {
        ok: false,
        message: `The start marker “${request.from}” does not occur in ${path}.`,
      };
    }
  }
  let end = all.length - 1;
  if (request.to !== undefined) {
    const found = all.findIndex((line, i) => i >= start && line.includes(request.to!));
    if (found < 0) {
      const where =
        request.from !== undefined ? ` after “${request.from}” (line ${start + 1})` : '';
      return {
        ok: false,
        message: `The end marker “${request.to}” does not occur in ${path}${where}.`,
      };
    }
    end = found;
  }
  return { ok: true, path, firstLine: start + 1, lines: all.slice(start, end + 1) };
}
