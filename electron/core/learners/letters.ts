import { foldText } from '../../../shared/domain/text';
import type { AppCore } from '../app-core';
import { AppError } from '../errors';
import { issuingBodyAt } from '../centre/store';

/**
 * "du-lieu-ca-nhan-tran-van-an-12": ASCII, so it survives every file system and e-mail client; the
 * record's number tells namesakes apart.
 */
export function personFileStem(prefix: string, p: { id: number; fullName: string }): string {
  const full = foldText(p.fullName)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const slug = full.length <= 60 ? full : full.slice(0, 60).replace(/-[^-]*$/, '');
  return `${prefix}-${slug ? `${slug}-` : ''}${p.id}`;
}

/** The header and signature of a paper handed over on `date`: the centre's profile and director of that day. */
export function letterBody(ctx: AppCore, date: string) {
  const body = issuingBodyAt(ctx.db, date);
  if (!body) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  return body;
}
