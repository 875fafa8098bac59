import { z } from 'zod';
import type { Figures } from '../../../shared/contract/reports';
import { todayInVietnam } from '../../../shared/domain/dates';
import type { AppCore } from '../app-core';
import { audit } from '../audit';
import { keyIdOf, signText, verifyText } from '../certificates/signing';
import { AppError } from '../errors';
import { activeKey } from '../services/certificates';
import { centreProfileAt } from '../services/centre';

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

const bodySchema = z.object({
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
  return { code, name, planned: f.planned, opened: f.opened, enrollments: f.enrollments, people: f.people, completed: f.completed, certified: f.certified, women: f.women, minority: f.minority };
}

/**
 * A closed year's figures per program, signed with the centre's key: the body is the exact JSON
 * text that was signed, so the superior body's copy verifies it byte for byte.
 */
export function exportRollup(ctx: AppCore, year: number): { fileName: string; dataBase64: string } {
  const closure = ctx.db.prepare('SELECT closed_at, figures_json FROM year_closures WHERE year = ?').get(year) as { closed_at: string; figures_json: string | null } | undefined;
  if (!closure?.figures_json) throw new AppError('NOT_CLOSED', `Năm ${year} chưa khóa sổ; chỉ gửi tổng hợp của năm đã khóa sổ.`);
  const frozen = JSON.parse(closure.figures_json) as { programs: Record<string, Figures> };
  const programs = ctx.db.prepare('SELECT id, code, name FROM programs ORDER BY id').all() as { id: number; code: string; name: string }[];
  const profile = centreProfileAt(ctx, todayInVietnam(ctx.now()));
  if (!profile) throw new AppError('NO_PROFILE', 'Chưa có hồ sơ trung tâm; hãy nhập ở màn hình Hồ sơ trung tâm.');
  const key = ctx.db.transaction(() => activeKey(ctx))();
  const body: Body = {
    format: ROLLUP_FORMAT,
    version: ROLLUP_VERSION,
    centre: { name: profile.name, keyId: key.keyId, publicKeyPem: key.publicKeyPem },
    year,
    closedAt: closure.closed_at,
    exportedAt: ctx.now().toISOString(),
    programs: programs.filter((p) => frozen.programs[String(p.id)]).map((p) => toRow(p.code, p.name, frozen.programs[String(p.id)]!)),
  };
  const text = JSON.stringify(body);
  const file = `{"body":${text},"signature":"${signText(text, key.privateKeyPem)}"}\n`;
  const slug = profile.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  return { fileName: `tong-hop-${year}-${slug}.ttct.json`, dataBase64: Buffer.from(file, 'utf8').toString('base64') };
}

/** Reads a roll-up file; every way it can be wrong gets its own message and nothing is written. */
export function readRollupFile(fileText: string): Body {
  let outer: unknown;
  try {
    outer = JSON.parse(fileText);
  } catch {
    throw new AppError('BAD_FILE', 'Không đọc được tệp: tệp không phải tệp tổng hợp, hoặc bị cắt cụt (thiếu phần cuối). Hãy xin lại tệp từ trung tâm gửi.');
  }
  const o = outer as { body?: { format?: unknown; version?: unknown }; signature?: unknown } | null;
  if (!o || typeof o !== 'object' || !o.body || typeof o.body !== 'object' || o.body.format !== ROLLUP_FORMAT) {
    throw new AppError('BAD_FILE', 'Tệp này không phải tệp tổng hợp số liệu của phần mềm Quản lý đào tạo Trung tâm Chính trị.');
  }
  if (o.body.version !== ROLLUP_VERSION) {
    throw new AppError('BAD_VERSION', `Tệp tổng hợp theo định dạng phiên bản ${String(o.body.version)}; phần mềm này đọc được phiên bản ${ROLLUP_VERSION}. Hãy cập nhật phần mềm cho cùng phiên bản.`);
  }
  const parsed = bodySchema.safeParse(o.body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new AppError('BAD_FILE', `Tệp tổng hợp thiếu hoặc sai nội dung${where ? ` (mục ${where})` : ''}; tệp có thể đã bị sửa.`);
  }
  const signature = typeof o.signature === 'string' ? o.signature : '';
  let keyMatches = false;
  try {
    keyMatches = keyIdOf(parsed.data.centre.publicKeyPem) === parsed.data.centre.keyId;
  } catch {
    keyMatches = false;
  }
  // The signature covers the body as it was written: re-serialising what was parsed gives the same text.
  if (!keyMatches || !verifyText(JSON.stringify(o.body), signature, parsed.data.centre.publicKeyPem)) {
    throw new AppError('TAMPERED', 'Tệp đã bị sửa sau khi xuất (chữ ký không khớp); không nhập. Hãy xin lại tệp từ trung tâm gửi.');
  }
  return parsed.data;
}

export function importRollup(ctx: AppCore, fileText: string): { centreName: string; year: number; replaced: boolean } {
  const body = readRollupFile(fileText);
  return ctx.db.transaction(() => {
    const existing = ctx.db.prepare('SELECT id, exported_at FROM rollup_imports WHERE centre_key_id = ? AND year = ?').get(body.centre.keyId, body.year) as
      | { id: number; exported_at: string }
      | undefined;
    if (existing && existing.exported_at === body.exportedAt) {
      throw new AppError('DUPLICATE', `Tổng hợp năm ${body.year} của ${body.centre.name} (xuất lúc ${body.exportedAt.slice(0, 16).replace('T', ' ')}) đã được nhập.`);
    }
    if (existing && existing.exported_at > body.exportedAt) {
      throw new AppError('OLDER', `Đã có bản tổng hợp năm ${body.year} của ${body.centre.name} xuất sau bản này; không nhập bản cũ hơn.`);
    }
    const summary = JSON.stringify(body.programs);
    if (existing) {
      ctx.db
        .prepare('UPDATE rollup_imports SET centre_name = ?, exported_at = ?, summary_json = ?, imported_at = ? WHERE id = ?')
        .run(body.centre.name, body.exportedAt, summary, ctx.now().toISOString(), existing.id);
    } else {
      ctx.db
        .prepare('INSERT INTO rollup_imports (centre_key_id, centre_name, year, exported_at, summary_json, imported_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(body.centre.keyId, body.centre.name, body.year, body.exportedAt, summary, ctx.now().toISOString());
    }
    audit(ctx, { action: existing ? 'update' : 'create', entity: 'rollup_import', entityId: `${body.centre.keyId}/${body.year}`, after: { centre: body.centre.name, year: body.year, exportedAt: body.exportedAt } });
    return { centreName: body.centre.name, year: body.year, replaced: existing !== undefined };
  })();
}

const NUMBERS = ['planned', 'opened', 'enrollments', 'people', 'completed', 'certified', 'women', 'minority'] as const;

export function rollupOf(ctx: AppCore, year: number) {
  const rows = ctx.db.prepare('SELECT id, centre_name, exported_at, imported_at, summary_json FROM rollup_imports WHERE year = ? ORDER BY centre_name').all(year) as {
    id: number;
    centre_name: string;
    exported_at: string;
    imported_at: string;
    summary_json: string;
  }[];
  const centres = rows.map((r) => ({ id: r.id, centreName: r.centre_name, exportedAt: r.exported_at, importedAt: r.imported_at, rows: JSON.parse(r.summary_json) as RollupRow[] }));
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
