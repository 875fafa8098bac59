import { describe, expect, it } from 'vitest';
import { CENTRE } from '../fixtures/centre-profile';
import { invoke, ok, startCore, tempDir } from './helpers';

/** Where the centre is and whom it serves: unchanged when the district centre became the commune's. */
const place = {
  address: 'Thị trấn Đắk Hà',
  phone: '0260 3820 123',
  areaCommunes: ['Thị trấn Đắk Hà', 'Xã Đắk Mar'],
  areaPartyOrgs: ['Đảng bộ thị trấn Đắk Hà'],
};
const district = {
  validFrom: '2014-01-01',
  name: 'Trung tâm Bồi dưỡng chính trị huyện Đắk Hà',
  superior: 'Huyện ủy Đắk Hà',
  docCode: 'TTBDCT',
  placeName: 'Đắk Hà',
  ...place,
  director: { name: 'Phạm Văn Cường', title: 'Giám đốc' },
  deputies: [],
};
/** The builders' commune centre (from 01/07/2025) at the same place, its code typed in lower case, with a deputy. */
const commune = { ...CENTRE, ...place, docCode: 'ttct', deputies: [{ name: 'Trần Thị Bình', title: 'Phó Giám đốc' }] };

describe('centre profile', () => {
  it('starts empty, then keeps every version with its validity', async () => {
    const core = await startCore();
    expect(await ok(core, 'centre.get', {})).toEqual({ current: null, history: [] });
    await ok(core, 'centre.save', district);
    const state = await ok(core, 'centre.save', commune);
    expect(state.history.map((v) => [v.validFrom, v.validTo, v.superior])).toEqual([
      ['2014-01-01', '2025-06-30', 'Huyện ủy Đắk Hà'],
      ['2025-07-01', null, 'Đảng ủy xã Đắk Hà'],
    ]);
    expect(state.current?.docCode).toBe('TTCT');
    expect((await ok(core, 'app.status', {})).centreName).toBe('Trung tâm Chính trị xã Đắk Hà');
  });

  it('answers which header held on a date (a 2014 class keeps the district-era header)', async () => {
    const core = await startCore();
    await ok(core, 'centre.save', commune);
    await ok(core, 'centre.save', district);
    expect((await ok(core, 'centre.profileAt', { date: '2014-05-20' }))?.superior).toBe('Huyện ủy Đắk Hà');
    expect((await ok(core, 'centre.profileAt', { date: '2025-06-30' }))?.superior).toBe('Huyện ủy Đắk Hà');
    expect((await ok(core, 'centre.profileAt', { date: '2025-07-01' }))?.superior).toBe('Đảng ủy xã Đắk Hà');
    expect(await ok(core, 'centre.profileAt', { date: '2010-01-01' })).toBeNull();
  });

  it('saving with the same start date corrects that version instead of adding one, and is audited', async () => {
    const core = await startCore();
    await ok(core, 'centre.save', commune);
    const state = await ok(core, 'centre.save', { ...commune, address: 'Thôn 1, xã Đắk Hà' });
    expect(state.history).toHaveLength(1);
    expect(state.current?.address).toBe('Thôn 1, xã Đắk Hà');
    const audit = core.db
      .prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity = 'centre_profile' ORDER BY id")
      .all() as {
      action: string;
      before_json: string | null;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before_json!).address).toBe('Thị trấn Đắk Hà');
  });

  it('refuses bad input with messages at the fields and writes nothing', async () => {
    const core = await startCore();
    const r = await invoke(core, 'centre.save', {
      ...commune,
      name: '',
      validFrom: '2025-02-30',
      deputies: [{ name: '', title: 'Phó Giám đốc' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.fields).toMatchObject({
        name: 'Không được để trống',
        validFrom: 'Ngày không hợp lệ (dd/MM/yyyy)',
        'deputies.0.name': 'Không được để trống',
      });
    }
    expect((await ok(core, 'centre.get', {})).history).toHaveLength(0);
  });

  it('persists across restarts', async () => {
    const dir = tempDir();
    const a = await startCore(dir);
    await ok(a, 'centre.save', commune);
    a.close();
    const b = await startCore(dir);
    expect((await ok(b, 'centre.get', {})).current?.deputies).toEqual([{ name: 'Trần Thị Bình', title: 'Phó Giám đốc' }]);
  });
});
