import { describe, expect, it } from 'vitest';
import { ok, startCore } from './helpers';

describe('reference data', () => {
  it('lists the 2025 communes, each with a five-digit code and its province', async () => {
    const core = await startCore();
    const communes = await ok(core, 'reference.communes', {});
    expect(communes).toHaveLength(3321);
    expect(new Set(communes.map((c) => c.code)).size).toBe(communes.length);
    for (const c of communes)
      expect(c).toEqual({ code: expect.stringMatching(/^\d{5}$/), name: expect.any(String), provinceName: expect.any(String) });
    expect(communes.every((c) => c.name !== '' && c.provinceName !== '')).toBe(true);
  });
});
