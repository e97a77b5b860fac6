// Node ESM resolve hook, used only by the benchmark: tfjs-core's ESM build (dist/*.js) imports its
// own modules without file extensions, as bundlers allow and Node does not. Retry those with '.js'.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTfjs = context.parentURL !== undefined && context.parentURL.includes('/@tensorflow/');
    if (fromTfjs && specifier.startsWith('.') && !specifier.endsWith('.js')) {
      return nextResolve(`${specifier}.js`, context);
    }
    throw error;
  }
}
