/**
 * A WebAssembly path that can be turned off, so that tests and benches compare it with the JavaScript
 * loops it replaces (same bits, and how much faster). Turning it back on restores what was loaded;
 * without WebAssembly SIMD there is nothing to turn on and the layers keep their own loops.
 */
export interface WasmSwitch<T> {
  /** The module's path, or undefined while it is off or when the module did not load. */
  current(): T | undefined;
  /** Turns the path off or back on; returns whether it was on. */
  use(on: boolean): boolean;
}

export function wasmSwitch<T>(loaded: T | undefined): WasmSwitch<T> {
  let active = loaded;
  return {
    current: () => active,
    use(on) {
      const was = active !== undefined;
      active = on ? loaded : undefined;
      return was;
    },
  };
}
