import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './lint/layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'src/engine/kernels/*.generated.ts',
      'assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The layer table of docs/ARCHITECTURE.md: a folder of src/ imports only the folders below it.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/no-upward-import': 'error' },
  },
  {
    // One number formatter (src/engine/text/numberText.ts): a text that formats a number its own way
    // ends up writing 100000 beside another's 100,000.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/text/numberText.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='toLocaleString']",
          message:
            'Write numbers with formatCount, formatNumber or formatLimit (src/lab/formatNumber.ts) so every text formats them alike.',
        },
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='NumberFormat']",
          message:
            'Write numbers with formatCount, formatNumber or formatLimit (src/lab/formatNumber.ts) so every text formats them alike.',
        },
      ],
    },
  },
  {
    // Everything below the store is plain TypeScript that also runs in workers and in Node.
    files: ['src/{engine,data,lab,worker,runs,lessons,export}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'],
              message: 'Only src/store and src/ui use React and zustand.',
            },
            { group: ['recharts', 'recharts/*'], message: 'Only src/ui draws charts.' },
          ],
        },
      ],
    },
  },
  {
    // The engine is a leaf: it runs in Node and in the worker, so it may not reach for the UI,
    // the DOM or worker APIs.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/engine is pure TypeScript: no React.',
            },
            {
              group: ['zustand', 'zustand/*'],
              message: 'src/engine is pure TypeScript: no store.',
            },
            {
              group: ['recharts', 'recharts/*'],
              message: 'src/engine is pure TypeScript: no charts.',
            },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'src/engine also runs in the browser: no Node APIs (pass data in).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'postMessage',
          'onmessage',
          'Worker',
          'localStorage',
          'navigator',
          'fetch',
        ].map((name) => ({
          name,
          message: 'src/engine is pure TypeScript: no DOM or worker APIs.',
        })),
      ],
    },
  },
);
