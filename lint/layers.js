/**
 * The layers of src/, bottom first (docs/ARCHITECTURE.md): a file may import its own folder and the
 * folders below it, never one above. An ESLint rule, so an upward import fails `npm run test:lint`.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAYERS = [
  'engine',
  'data',
  'lab',
  'worker',
  'runs',
  'lessons',
  'export',
  'store',
  'ui',
];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/** The layer folder a path inside src/ belongs to, or undefined (outside src/, or src/main.tsx). */
function layerOf(path) {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

const noUpwardImport = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A folder of src/ may import only its own layer and the layers below it.',
    },
    schema: [],
    messages: {
      upward:
        'src/{{from}} may not import src/{{to}}: the layers run {{order}}, and each imports only those to its left (docs/ARCHITECTURE.md).',
      unknown:
        'src/{{folder}} is not in the layer table: add it to LAYERS in lint/layers.js and to docs/ARCHITECTURE.md.',
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (from === undefined) return {};
    const fromRank = LAYERS.indexOf(from);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(resolve(dirname(context.filename), source));
      if (to === undefined || to === from) return;
      const toRank = LAYERS.indexOf(to);
      if (fromRank < 0 || toRank < 0) {
        context.report({ node, messageId: 'unknown', data: { folder: fromRank < 0 ? from : to } });
      } else if (toRank > fromRank) {
        context.report({
          node,
          messageId: 'upward',
          data: { from, to, order: LAYERS.join(' → ') },
        });
      }
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
    };
  },
};

export const layersPlugin = { rules: { 'no-upward-import': noUpwardImport } };
