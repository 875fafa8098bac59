import { formatDate } from '../../../shared/domain/format';
import type { historyRows } from './person-data-store';

const ACTION_TEXT: Record<string, string> = { create: 'Tạo hồ sơ', update: 'Cập nhật hồ sơ', restore: 'Khôi phục hồ sơ' };

/** What a stored snapshot says, or nothing of a damaged one (old sample data): a record never fails on it. */
function printedFields(json: string): { programName?: string; validUntil?: string | null } {
  try {
    const value = JSON.parse(json) as Record<string, unknown> | null;
    if (value === null || typeof value !== 'object') return {};
    return {
      ...(typeof value.programName === 'string' ? { programName: value.programName } : {}),
      ...(typeof value.validUntil === 'string' ? { validUntil: value.validUntil } : {}),
    };
  } catch {
    return {};
  }
}

/** What happened to a person, in words: certificates (valid until when), classes, then the audit log newest first. */
export function describeHistory(rows: ReturnType<typeof historyRows>, today: string) {
  return [
    ...rows.certificates.map((c) => {
      const printed = printedFields(c.printed_json);
      const state =
        c.status === 'revoked'
          ? 'đã thu hồi'
          : c.status === 'reissued'
            ? 'đã cấp lại'
            : printed.validUntil
              ? printed.validUntil < today
                ? `HẾT HẠN từ ${formatDate(printed.validUntil)}`
                : `còn hạn đến ${formatDate(printed.validUntil)}`
              : 'không thời hạn';
      return {
        kind: 'certificate',
        date: null,
        text: `Giấy chứng nhận số ${c.serial} ngày ${formatDate(c.issue_date)} — ${printed.programName ?? ''} (${state})`,
      };
    }),
    ...rows.classes.map((c) => ({
      kind: 'class',
      date: null,
      text: `${c.name} (${formatDate(c.start_date)} – ${formatDate(c.end_date)})${c.status === 'withdrawn' ? ` — thôi học: ${c.withdraw_reason ?? ''}` : ''}`,
    })),
    ...rows.entries.map((r) => ({
      kind: r.action,
      date: r.at,
      text: `${ACTION_TEXT[r.action] ?? r.action}${r.reason ? `: ${r.reason}` : ''}`,
    })),
  ];
}
