import type { programsChannels } from '../../../shared/contract/programs';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { AppError, found } from '../errors';
import type { Handlers } from '../handler';
import * as store from './store';

const program = (ctx: AppCore, id: number) =>
  found(store.programById(ctx.db, id), 'Không tìm thấy chương trình (có thể đã bị xóa khỏi dữ liệu).');

/**
 * The topics to delete when the program is saved with `topics`. Ids that stay keep their rows (later records
 * point at them), so reordering never re-creates a topic; a topic already in a class's timetable stays.
 */
function droppedTopics(ctx: AppCore, programId: number, topics: store.ProgramData['topics']): number[] {
  const existing = new Set(store.programTopics(ctx.db, programId).map((t) => t.id));
  topics.forEach((t, i) => {
    if (t.id !== undefined && !existing.has(t.id)) {
      throw new AppError('INVALID_INPUT', 'Chuyên đề không thuộc chương trình này; hãy tải lại trang.', {
        [`topics.${i}.title`]: 'Chuyên đề không thuộc chương trình này',
      });
    }
  });
  const kept = new Set(topics.flatMap((t) => (t.id === undefined ? [] : [t.id])));
  const dropped = [...existing].filter((topicId) => !kept.has(topicId));
  for (const topicId of dropped) {
    const used = store.topicTaughtIn(ctx.db, topicId);
    if (used) {
      throw new AppError('IN_USE', `Chuyên đề «${used.title}» đã có trong lịch học của ${used.name}; không xóa được, chỉ sửa tên được.`, {
        topics: `Chuyên đề «${used.title}» đã được dạy, không xóa được`,
      });
    }
  }
  return dropped;
}

export const programsHandlers: Handlers<typeof programsChannels> = {
  'programs.list': (ctx, input) => store.listPrograms(ctx.db, input.includeArchived),
  'programs.get': (ctx, input) => program(ctx, input.id),
  'programs.save': (ctx, input) =>
    ctx.db.transaction(() => {
      const clash = store.programWithCode(ctx.db, input.code, input.id ?? null);
      if (clash) {
        throw new AppError('DUPLICATE_CODE', 'Mã chương trình đã được dùng.', {
          code: `Mã "${input.code}" đã dùng cho chương trình «${clash.name}»`,
        });
      }
      const before = input.id === undefined ? undefined : program(ctx, input.id);
      const id = store.writeProgram(ctx.db, input, ctx.now().toISOString());
      store.writeTopics(ctx.db, id, input.topics, droppedTopics(ctx, id, input.topics));
      store.writeScheme(ctx.db, id, input);
      const after = program(ctx, id);
      audit(ctx, { action: before ? 'update' : 'create', entity: 'program', entityId: id, before, after });
      return after;
    })(),
  'programs.setArchived': (ctx, input) =>
    ctx.db.transaction(() => {
      const before = program(ctx, input.id);
      store.setProgramArchived(ctx.db, input.id, input.archived, ctx.now().toISOString());
      const after = program(ctx, input.id);
      audit(ctx, { action: input.archived ? 'archive' : 'unarchive', entity: 'program', entityId: input.id, before, after });
      return after;
    })(),
};
