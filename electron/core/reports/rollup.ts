import { z } from 'zod';
import type { Figures } from '../../../shared/contract/reports';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit-store';
import { keyIdOf, signText, verifyText } from '../certificates/signing';
import { AppError } from '../errors';
import { activeKey } from '../certificates/keys';
import { centreProfileAt } from '../centre/store';
import { importedRollup, insertRollup, isOwnKey, otherKeyOf, rollupsOfYear, trustedIssuer, updateRollup } from './rollup-store';
import { closureOf, programList } from './store';

export const ROLLUP_FORMAT = 'ttct-rollup';
export const ROLLUP_VERSION = 1;

const count = z.number().int().min(0).max(100_000_000);
const row = z.object({
  code: z.string().max(50),
  name: z.string().max(300),
  planned: count,
  opened: count,
  enrollments: count,
  people: count,
  completed: count,
  certified: count,
  women: count,
  minority: count,
});
export type RollupRow = z.infer<typeof row>;

const bodySchema = z.strictObject({
  format: z.literal(ROLLUP_FORMAT),
  version: z.literal(ROLLUP_VERSION),
  centre: z.object({ name: z.string().min(1).max(300), keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKeyPem: z.string().max(2000) }),
  year: z.number().int().min(1990).max(2100),
  closedAt: z.string().max(40),
  exportedAt: z.string().max(40),
  programs: z.array(row).max(200),
});
type Body = z.infer<typeof bodySchema>;

function toRow(code: string, name: string, f: Figures): RollupRow {
  return {
    code,
    name,
    planned: f.planned,
    opened: f.opened,
    enrollments: f.enrollments,
    people: f.people,
    completed: f.completed,
    certified: f.certified,
    women: f.women,
    minority: f.minority,
  };
}

/**
 * A closed year's figures per program, signed with the centre's key: the body is the exact JSON
 * text that was signed, so the superior body's copy verifies it byte for byte.
 */
export function exportRollup(ctx: AppCore, year: number): { fileName: string; dataBase64: string } {
  const closure = closureOf(ctx.db, year);
  if (!closure?.figures_json) throw new AppError('NOT_CLOSED', `Năm ${year} chưa khóa sổ; chỉ gửi tổng hợp của năm đã khóa sổ.`);
  const frozen = JSON.parse(closure.figures_json) as { programs: Record<string, Figures> };
  const programs = programList(ctx.db);
  const profile = centreProfileAt(ctx.db, todayInVietnam(ctx.now()));
  if (!profile) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  const key = activeKey(ctx);
  const body: Body = {
    format: ROLLUP_FORMAT,
    version: ROLLUP_VERSION,
    centre: { name: profile.name, keyId: key.keyId, publicKeyPem: key.publicKeyPem },
    year,
    closedAt: closure.closed_at,
    exportedAt: ctx.now().toISOString(),
    programs: programs.filter((p) => frozen.programs[String(p.id)]).map((p) => toRow(p.code, p.name, frozen.programs[String(p.id)]!)),
  };
  // The body travels as the exact text that was signed: the receiver verifies those bytes before parsing.
  const text = JSON.stringify(body);
  const file = `${JSON.stringify({ format: ROLLUP_FORMAT, version: ROLLUP_VERSION, body: text, signature: signText(text, key.privateKeyPem) })}\n`;
  const slug = profile.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return { fileName: `tong-hop-${year}-${slug}.ttct.json`, dataBase64: Buffer.from(file, 'utf8').toString('base64') };
}

const FILE_BROKEN = 'Không đọc được tệp: tệp không phải tệp tổng hợp, hoặc bị cắt cụt (thiếu phần cuối). Hãy xin lại tệp từ trung tâm gửi.';
const NOT_ROLLUP = 'Tệp này không phải tệp tổng hợp số liệu của phần mềm Quản lý đào tạo Trung tâm Chính trị.';
const TAMPERED = 'Tệp đã bị sửa sau khi xuất (chữ ký không khớp); không nhập. Hãy xin lại tệp từ trung tâm gửi.';

function parseJson(text: string, broken: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_FILE', broken);
  }
}

/** Reads a roll-up file; every way it can be wrong gets its own message and nothing is written. */
export function readRollupFile(fileText: string): Body {
  const outer = parseJson(fileText, FILE_BROKEN) as { format?: unknown; version?: unknown; body?: unknown; signature?: unknown } | null;
  if (!outer || typeof outer !== 'object' || outer.format !== ROLLUP_FORMAT) throw new AppError('BAD_FILE', NOT_ROLLUP);
  if (outer.version !== ROLLUP_VERSION) {
    const v = typeof outer.version === 'number' || typeof outer.version === 'string' ? String(outer.version).slice(0, 10) : '?';
    throw new AppError(
      'BAD_VERSION',
      `Tệp tổng hợp theo định dạng phiên bản ${v}; phần mềm này đọc được phiên bản ${ROLLUP_VERSION}. Hãy cập nhật phần mềm cho cùng phiên bản.`,
    );
  }
  if (typeof outer.body !== 'string' || typeof outer.signature !== 'string') throw new AppError('BAD_FILE', NOT_ROLLUP);
  const parsed = bodySchema.safeParse(parseJson(outer.body, TAMPERED));
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new AppError('BAD_FILE', `Tệp tổng hợp thiếu hoặc sai nội dung${where ? ` (mục ${where})` : ''}; tệp có thể đã bị sửa.`);
  }
  let keyMatches = false;
  try {
    keyMatches = keyIdOf(parsed.data.centre.publicKeyPem) === parsed.data.centre.keyId;
  } catch {
    keyMatches = false;
  }
  // The signature covers the body's exact text, checked before anything in it is believed.
  if (!keyMatches || !verifyText(outer.body, outer.signature, parsed.data.centre.publicKeyPem)) throw new AppError('TAMPERED', TAMPERED);
  return parsed.data;
}

/**
 * Who sent the file: our own key, or a centre whose public key was imported here. A file signed by
 * any other key proves only that it was not changed, not who made it, so it is refused.
 */
function senderOf(ctx: AppCore, body: Body): string {
  if (isOwnKey(ctx.db, body.centre.keyId)) return body.centre.name;
  const trusted = trustedIssuer(ctx.db, body.centre.keyId);
  if (trusted === null) {
    throw new AppError(
      'UNKNOWN_SENDER',
      `Tệp của «${body.centre.name}» được ký bằng khóa mã ${body.centre.keyId}, chưa có trong các khóa công khai đã nhập. Hãy nhập khóa công khai của trung tâm đó (Giấy chứng nhận → Thiết lập → Khóa công khai của đơn vị khác), rồi nhập lại tệp.`,
    );
  }
  return trusted;
}

export function importRollup(ctx: AppCore, fileText: string): { centreName: string; year: number; replaced: boolean } {
  const body = readRollupFile(fileText);
  return ctx.db.transaction(() => {
    const centreName = senderOf(ctx, body);
    // A centre that changed its key (a reinstall) must not count twice.
    const otherKey = otherKeyOf(ctx.db, centreName, body.year, body.centre.keyId);
    if (otherKey !== null) {
      throw new AppError(
        'OTHER_KEY',
        `Đã có tổng hợp năm ${body.year} của ${centreName} ký bằng khóa khác (mã ${otherKey}). Nếu trung tâm đã đổi khóa, hãy bỏ bản cũ trước.`,
      );
    }
    const existing = importedRollup(ctx.db, body.centre.keyId, body.year);
    if (existing && existing.exported_at === body.exportedAt) {
      throw new AppError(
        'DUPLICATE',
        `Tổng hợp năm ${body.year} của ${centreName} (xuất lúc ${body.exportedAt.slice(0, 16).replace('T', ' ')}) đã được nhập.`,
      );
    }
    if (existing && existing.exported_at > body.exportedAt) {
      throw new AppError('OLDER', `Đã có bản tổng hợp năm ${body.year} của ${centreName} xuất sau bản này; không nhập bản cũ hơn.`);
    }
    const record = {
      keyId: body.centre.keyId,
      centreName,
      year: body.year,
      exportedAt: body.exportedAt,
      summaryJson: JSON.stringify(body.programs),
      importedAt: ctx.now().toISOString(),
    };
    if (existing) updateRollup(ctx.db, existing.id, record);
    else insertRollup(ctx.db, record);
    audit(ctx, {
      action: existing ? 'update' : 'create',
      entity: 'rollup_import',
      entityId: `${body.centre.keyId}/${body.year}`,
      after: { centre: centreName, keyId: body.centre.keyId, year: body.year, exportedAt: body.exportedAt },
    });
    return { centreName, year: body.year, replaced: existing !== undefined };
  })();
}

const NUMBERS = ['planned', 'opened', 'enrollments', 'people', 'completed', 'certified', 'women', 'minority'] as const;

export function rollupOf(ctx: AppCore, year: number) {
  const centres = rollupsOfYear(ctx.db, year).map((r) => ({
    id: r.id,
    keyId: r.centre_key_id,
    centreName: r.centre_name,
    exportedAt: r.exported_at,
    importedAt: r.imported_at,
    rows: JSON.parse(r.summary_json) as RollupRow[],
  }));
  // Centres name their programs alike but not always identically: the code is what adds up.
  const total = new Map<string, RollupRow>();
  for (const c of centres) {
    for (const r of c.rows) {
      const t = total.get(r.code) ?? { ...r, ...Object.fromEntries(NUMBERS.map((k) => [k, 0])) };
      for (const k of NUMBERS) t[k] += r[k];
      total.set(r.code, t);
    }
  }
  return { centres, total: [...total.values()] };
}
