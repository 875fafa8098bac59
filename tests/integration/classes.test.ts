import { describe, expect, it } from 'vitest';
import { cls, setup } from './class-fixtures';
import { invoke, ok, startCore } from './helpers';
import { refusal } from '../fixtures/builders';

describe('classes', () => {
  it('proposes cohort numbers per program and year, and freezes the issuing body', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const first = await ok(core, 'classes.propose', { programId: knd.id, startDate: '2026-02-12', cohortNumbering: 'per_year' });
    expect(first).toMatchObject({
      cohortNumber: 1,
      name: 'Lớp bồi dưỡng lý luận chính trị dành cho đối tượng kết nạp Đảng khóa I năm 2026',
      nextDecisionNumber: 1,
    });
    const c = await ok(
      core,
      'classes.save',
      cls(knd.id, { venueId: hall.id, openingDecisionNumber: 5, openingDecisionDate: '2026-02-01' }),
    );
    expect(c).toMatchObject({ status: 'opened', openingDecisionLabel: '05-QĐ/TTCT', issuingBody: { superior: 'Đảng ủy xã Đắk Hà' } });
    expect(await ok(core, 'classes.propose', { programId: knd.id, startDate: '2026-06-01', cohortNumbering: 'per_year' })).toMatchObject({
      cohortNumber: 2,
      nextDecisionNumber: 6,
    });
    await ok(core, 'centre.save', {
      validFrom: '2026-03-01',
      name: 'Trung tâm Chính trị khu vực Đắk Hà',
      superior: 'Đảng ủy xã Đắk Hà',
      docCode: 'TTCT',
      placeName: 'Đắk Hà',
      address: '',
      phone: '',
      director: { name: 'Lê Văn Mới', title: 'Giám đốc' },
      deputies: [],
      areaCommunes: [],
      areaPartyOrgs: [],
    });
    expect((await ok(core, 'classes.get', { id: c.id })).issuingBody.centreName).toBe('Trung tâm Chính trị xã Đắk Hà');
  });

  it('refuses end before start, an archived venue, and a decision number already used in the term', async () => {
    const core = await startCore();
    const { knd, hall, room } = await setup(core);
    const bad = await invoke(core, 'classes.save', cls(knd.id, { venueId: hall.id, endDate: '2026-02-01' }));
    expect(!bad.ok && bad.error.fields?.endDate).toBe('Ngày kết thúc trước ngày khai giảng');
    await ok(core, 'venues.setArchived', { id: room.id, archived: true });
    const archived = await invoke(core, 'classes.save', cls(knd.id, { venueId: room.id }));
    expect(!archived.ok && archived.error.fields?.venueId).toBe('Địa điểm đã lưu trữ');
    await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id, openingDecisionNumber: 12, openingDecisionDate: '2026-02-01' }));
    const dup = await invoke(
      core,
      'classes.save',
      cls(knd.id, { venueId: hall.id, cohortNumber: 2, name: 'Lớp khóa II', openingDecisionNumber: 12, openingDecisionDate: '2026-05-01' }),
    );
    expect(!dup.ok && dup.error.fields?.openingDecisionNumber).toMatch(
      /^Số 12-QĐ\/TTCT đã dùng cho «Quyết định mở lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026» ngày 01\/02\/2026$/,
    );
    // A new term starts the numbering again.
    expect(
      (
        await invoke(
          core,
          'classes.save',
          cls(knd.id, {
            venueId: hall.id,
            startDate: '2030-02-12',
            endDate: '2030-02-20',
            openingDecisionNumber: 12,
            openingDecisionDate: '2030-02-01',
          }),
        )
      ).ok,
    ).toBe(true);
  });

  it('moves only along the lifecycle; cancelling needs a reason', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const c = await ok(core, 'classes.save', cls(knd.id, { venueId: hall.id }));
    expect(await refusal(core, 'classes.setStatus', { id: c.id, status: 'running' })).toMatchObject({ code: 'BAD_TRANSITION' });
    expect(await refusal(core, 'classes.setStatus', { id: c.id, status: 'opened' })).toMatchObject({ code: 'NEEDS_DECISION' });
    expect(await refusal(core, 'classes.setStatus', { id: c.id, status: 'cancelled' })).toMatchObject({ code: 'NEEDS_REASON' });
    expect(await ok(core, 'classes.setStatus', { id: c.id, status: 'cancelled', reason: 'Không đủ học viên' })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Không đủ học viên',
    });
  });

  it('lists each class with its own sites, in their order', async () => {
    const core = await startCore();
    const { knd, hall } = await setup(core);
    const online = (cohortNumber: number, places: string[]) =>
      ok(
        core,
        'classes.save',
        cls(knd.id, {
          cohortNumber,
          name: `Lớp trực tuyến khóa ${cohortNumber}`,
          form: 'online',
          sites: places.map((place) => ({ place, contact: '' })),
        }),
      );
    const first = await online(1, ['Điểm cầu xã A', 'Điểm cầu xã B']);
    const plain = await ok(core, 'classes.save', cls(knd.id, { cohortNumber: 2, name: 'Lớp tập trung', venueId: hall.id }));
    const second = await online(3, ['Điểm cầu xã C']);
    const listed = await ok(core, 'classes.list', { year: 2026, programId: knd.id });
    const places = new Map(listed.map((c) => [c.id, c.sites.map((site) => site.place)]));
    expect(places).toEqual(
      new Map([
        [first.id, ['Điểm cầu xã A', 'Điểm cầu xã B']],
        [plain.id, []],
        [second.id, ['Điểm cầu xã C']],
      ]),
    );
    expect(await ok(core, 'classes.list', { year: 2025, programId: null })).toEqual([]);
  });
});
