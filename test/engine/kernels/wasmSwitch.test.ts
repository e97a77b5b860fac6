import { describe, expect, it } from 'vitest';
import { wasmSwitch } from '../../../src/engine/kernels/wasmSwitch';

describe('wasmSwitch', () => {
  it('serves what was loaded until turned off, and the same object again when turned back on', () => {
    const loaded = { name: 'module path' };
    const path = wasmSwitch(loaded);
    expect(path.current()).toBe(loaded);
    expect(path.use(false)).toBe(true);
    expect(path.current()).toBeUndefined();
    expect(path.use(false)).toBe(false);
    expect(path.use(true)).toBe(false);
    expect(path.current()).toBe(loaded);
  });

  it('has nothing to turn on when the module did not load', () => {
    const path = wasmSwitch<object>(undefined);
    expect(path.use(true)).toBe(false);
    expect(path.current()).toBeUndefined();
  });
});
