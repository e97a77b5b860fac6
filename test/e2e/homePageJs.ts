import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  /** Path inside the build, e.g. 'assets/index-2nPdYt4Z.js'. */
  readonly file: string;
  readonly bytes: number;
  /** gzip at zlib's default level, as a static host serves it compressed. */
  readonly gzipBytes: number;
}

/** `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`, which loads later). */
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** `import("./x.js")` (quoted in any of the three ways a bundler writes a string). */
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/**
 * The JavaScript the home page cannot draw without: the entry script of the built index.html, the
 * stages the entry starts the app in (src/main.tsx imports each with import(), so that each is
 * evaluated in a task of its own) and every module those import statically, transitively. What the
 * app loads later with import() from those (the Lab's and the lessons' pages, preloaded once the home
 * page is up; the service worker's helper) is not part of it.
 */
export function homePageScripts(dist: string): ScriptSize[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error(`${dist}/index.html: no module entry script`);
  const seen = new Set<string>();
  const entryFile = resolve(dist, entry);
  const queue = [entryFile];
  const sizes: ScriptSize[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    sizes.push({
      file: relative(dist, file),
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
    });
    const text = code.toString('utf8');
    const imports = [...text.matchAll(STATIC_IMPORT)];
    if (file === entryFile) imports.push(...text.matchAll(DYNAMIC_IMPORT));
    for (const match of imports) {
      const target = match[1]!;
      if (target.startsWith('.')) queue.push(resolve(dirname(file), target));
    }
  }
  return sizes;
}

/** The scripts the built index.html names itself: its entry and its modulepreload links. */
export function scriptsNamedByIndex(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = [
    ...html.matchAll(/<script type="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ];
  return named.map((m) => relative(dist, resolve(dist, m[1]!))).sort();
}
