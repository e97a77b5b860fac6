import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { depthProbeRequest } from '../../../src/ui/lab/depthProbeSettings';

describe("the Lab's depth probe request", () => {
  it('probes an MLP with RMSNorm, and names it', () => {
    const request = depthProbeRequest({ ...DEFAULT_RUN_SETTINGS, norm: 'rmsNorm' });
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    expect(request.options.norm).toBe('rmsNorm');
    expect(request.setting).toMatch(/RMSNorm$/);
  });

  it('explains why GroupNorm has no probe', () => {
    const request = depthProbeRequest({ ...DEFAULT_RUN_SETTINGS, norm: 'groupNorm' });
    expect(request).toEqual({
      ok: false,
      reason:
        'The signal probe measures no normalization, BatchNorm, LayerNorm or RMSNorm, not GroupNorm.',
    });
  });
});
