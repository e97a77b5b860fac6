import { createRequire, register } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmConv2DBackpropFilter } from './tfjsConv2dBackpropFilter';

export type TfjsBackendName = 'cpu' | 'wasm';

let configured = false;

/**
 * tfjs-core's Node build registers no gradients (the @tensorflow/tfjs bundle does, from core's ESM
 * build). Load that module through a resolve hook; the registry is global, so both copies share it.
 */
async function registerGradients(): Promise<void> {
  register('./tfjsGradientsHook.mjs', import.meta.url);
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}

/** Points tfjs-backend-wasm at its .wasm files in node_modules (it would fetch them in a browser). */
async function configure(): Promise<void> {
  if (configured) return;
  await registerGradients();
  // What a user who cares about speed would do; it also silences the "install tfjs-node" notice.
  tf.enableProdMode();
  const require = createRequire(import.meta.url);
  const simd = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
  setWasmPaths(`${dirname(simd)}/`);
  registerWasmConv2DBackpropFilter();
  configured = true;
}

export async function useTfjsBackend(name: TfjsBackendName): Promise<void> {
  await configure();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs: backend '${name}' failed to initialise`);
  await tf.ready();
  if (name === 'wasm' && !tf.env().getBool('WASM_HAS_SIMD_SUPPORT')) {
    throw new Error(
      'tfjs: the wasm backend runs without SIMD; the comparison would be unfair to it',
    );
  }
}
