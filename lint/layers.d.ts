import type { ESLint } from 'eslint';

export declare const LAYERS: readonly string[];
export declare const layersPlugin: ESLint.Plugin;
