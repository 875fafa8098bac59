import type { lecturersChannels } from '../../../shared/contract/lecturers';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError, found } from '../errors';
import type { Handlers } from '../handler';
import { communeByCode } from '../reference/communes';
import * as store from './store';

const lecturer = (ctx: AppCore, id: number) => found(store.lecturerById(ctx.db, id), 'Không tìm thấy giảng viên.');
const venue = (ctx: AppCore, id: number) => found(store.venueById(ctx.db, id), 'Không tìm thấy địa điểm.');

/** Archiving keeps the row (classes and timetables point at it); only its use in new ones stops. */
function setArchived(ctx: AppCore, table: 'lecturers' | 'venues', id: number, archived: boolean): void {
  ctx.db.transaction(() => {
    if (!store.setArchived(ctx.db, table, id, archived, ctx.now().toISOString()))
      throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi.');
    audit(ctx, { action: archived ? 'archive' : 'unarchive', entity: table === 'lecturers' ? 'lecturer' : 'venue', entityId: id });
  })();
}

export const lecturersHandlers: Handlers<typeof lecturersChannels> = {
  'lecturers.list': (ctx, input) => store.listLecturers(ctx.db, input.includeArchived),
  'lecturers.save': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = input.id === undefined ? undefined : lecturer(ctx, input.id);
      const id = store.writeLecturer(ctx.db, input, ctx.now().toISOString());
      const after = lecturer(ctx, id);
      audit(ctx, { action: before ? 'update' : 'create', entity: 'lecturer', entityId: id, before, after });
      return after;
    })(),
  'lecturers.setArchived': (ctx, input) => {
    setArchived(ctx, 'lecturers', input.id, input.archived);
    return lecturer(ctx, input.id);
  },
  'lecturers.hours': (ctx, input) => store.lecturerHours(ctx.db, input.year),
  'venues.list': (ctx, input) => store.listVenues(ctx.db, input.includeArchived),
  'venues.save': (ctx, input) =>
    ctx.db.transaction(() => {
      if (store.venueNameTaken(ctx.db, input.name, input.id ?? null))
        throw new AppError('DUPLICATE_NAME', 'Tên địa điểm đã có.', { name: `Đã có địa điểm «${input.name}»` });
      if (input.communeCode && !communeByCode(input.communeCode)) {
        throw new AppError('INVALID_INPUT', 'Xã, phường không có trong danh mục.', { communeCode: 'Không có trong danh mục 2025' });
      }
      const before = input.id === undefined ? undefined : venue(ctx, input.id);
      const id = store.writeVenue(ctx.db, input, ctx.now().toISOString());
      audit(ctx, { action: before ? 'update' : 'create', entity: 'venue', entityId: id, before, after: input });
      return venue(ctx, id);
    })(),
  'venues.setArchived': (ctx, input) => {
    setArchived(ctx, 'venues', input.id, input.archived);
    return venue(ctx, input.id);
  },
};
