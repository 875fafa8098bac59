import { z } from 'zod';
import { cleanText, isWellFormedText } from '../domain/text';
import { isValidIsoDate } from '../domain/dates';

// The contract speaks Vietnamese on both sides: zod's own messages (a wrong type, a missing field), not
// only the ones written here, reach the clerk through `fields`.
z.config(z.locales.vi());

/** Clerk-facing error: Vietnamese message, optional per-field messages keyed by dotted path. */
export const appErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Free text as it is stored: NFC, collapsed spaces, trimmed. Empty allowed. */
export const text = (max: number) =>
  z
    .string({ error: 'Phải là chữ' })
    .overwrite(cleanText)
    .max(max, `Tối đa ${max} ký tự`)
    .refine(isWellFormedText, 'Có ký tự hỏng (thường do sao chép từ tệp lỗi mã hóa); hãy gõ lại ô này');

export const requiredText = (max: number) => text(max).min(1, 'Không được để trống');

export const isoDate = z
  .string({ error: 'Chưa nhập ngày' })
  .refine(isValidIsoDate, 'Ngày không hợp lệ (dd/MM/yyyy)');

export const id = z.number({ error: 'Thiếu mã bản ghi' }).int().positive();

export const empty = z.object({}).strict();

/** A whole number field with one Vietnamese message for every way it can be wrong. */
export const intInRange = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

/** Every channel is `capability.action` → { input, output }. */
export interface ChannelDef {
  input: z.ZodType;
  output: z.ZodType;
}

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}
