import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../lint/layers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative import names, as the bundler resolves it. */
function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((c) => files.has(c)) ?? base;
}

/**
 * Every file a file imports or re-exports, types included: a cycle of `import type`s costs nothing
 * at run time, but it still ties the files together (neither can be read, moved or tested without
 * the other), so it counts. A dynamic import() is left out: it loads later, on demand.
 */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers.filter((s) => s.startsWith('.'));
}

/** Every cycle of the graph, each found once from its first file (depth-first, white/grey/black). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the layer table', () => {
  it('names every folder of src/', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it('is the table docs/ARCHITECTURE.md shows', () => {
    const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    expect(doc).toContain(LAYERS.join(' → '));
    for (const layer of LAYERS) expect(doc).toContain(`| \`src/${layer}/\``);
  });

  it('makes lint fail on an import from a layer above, and only then', async () => {
    const eslint = new ESLint({ cwd: root });
    const layerErrors = async (from: string, to: string) => {
      const [result] = await eslint.lintText(
        `import { thing } from '../${to}/thing';\nexport const copy = thing;\n`,
        { filePath: join(src, from, 'probe.ts') },
      );
      return (result?.messages ?? [])
        .filter((m) => m.ruleId === 'layers/no-upward-import')
        .map((m) => m.message);
    };
    for (const [i, lower] of LAYERS.entries()) {
      for (const upper of LAYERS.slice(i + 1)) {
        expect(await layerErrors(lower, upper)).toEqual([
          expect.stringContaining(`src/${lower} may not import src/${upper}`),
        ]);
        expect(await layerErrors(upper, lower)).toEqual([]);
      }
    }
  });
});

describe('imports in src/', () => {
  it('form no cycle, type-only imports included', () => {
    const files = sourceFiles(src);
    const known = new Set(files);
    const graph = new Map(
      files.map((f) => [f, staticImports(f).map((s) => resolveImport(f, s, known))] as const),
    );
    const cycles = findCycles(graph).map((c) => c.map((f) => relative(root, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('are seen by the cycle check, so a cycle added anywhere fails it', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });
});
