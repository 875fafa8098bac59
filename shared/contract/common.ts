import { z } from 'zod';
import { cleanText, isWellFormedText } from '../domain/text';
import { isValidIsoDate } from '../domain/dates';

const count = (n: number | bigint) => Number(n).toLocaleString('vi-VN');

/**
 * zod's own messages (a wrong type, a missing field, a limit) in plain Vietnamese: they reach the clerk
 * through `fields`. zod's Vietnamese locale says "mong đợi object, nhận được string"; this says what is
 * wrong in the clerk's words, and falls back to the locale for the rare rest. Schema messages win.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Chưa có thông tin này';
      switch (issue.expected) {
        case 'string':
          return 'Phải là chữ';
        case 'number':
          return 'Phải là một số';
        case 'int':
          return 'Phải là số nguyên';
        case 'boolean':
          return 'Phải chọn có hoặc không';
        case 'array':
          return 'Phải là một danh sách';
        default:
          return 'Thông tin không đúng dạng';
      }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = count(big ? issue.maximum : issue.minimum);
      if (issue.origin === 'string')
        return big ? `Tối đa ${limit} ký tự` : Number(issue.minimum) === 1 ? 'Không được để trống' : `Tối thiểu ${limit} ký tự`;
      if (issue.origin === 'array' || issue.origin === 'set') return big ? `Tối đa ${limit} mục` : `Cần ít nhất ${limit} mục`;
      if (big) return issue.inclusive ? `Không được lớn hơn ${limit}` : `Phải nhỏ hơn ${limit}`;
      return issue.inclusive ? `Không được nhỏ hơn ${limit}` : `Phải lớn hơn ${limit}`;
    }
    case 'invalid_value':
      return 'Lựa chọn không hợp lệ';
    case 'invalid_format':
      return 'Không đúng định dạng';
    case 'not_multiple_of':
      return `Phải là bội số của ${count(issue.divisor)}`;
    case 'unrecognized_keys':
      return 'Có thông tin không thuộc biểu mẫu này';
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
      return 'Giá trị không hợp lệ';
    default:
      return undefined;
  }
}

// Both sides import the contract, so the core and the renderer configure zod the same way.
z.config({ ...z.locales.vi(), customError: plainMessage });

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

export const isoDate = z.string({ error: 'Chưa nhập ngày' }).refine(isValidIsoDate, 'Ngày không hợp lệ (dd/MM/yyyy)');

export const id = z.number({ error: 'Thiếu mã bản ghi' }).int().positive();

export const empty = z.object({}).strict();

/** The input of a channel about one class. */
export const classIdInput = z.object({ classId: id });

/** A file made for the clerk to save: its name and its bytes. */
export const savedFileSchema = z.object({ fileName: z.string(), dataBase64: z.string() });

/** A printable shown on screen: its title and the very HTML that is printed. */
export const previewSchema = z.object({ title: z.string(), html: z.string() });

/** Whether the printer took the job (the print dialog may be cancelled). */
export const printOutcomeSchema = z.object({ printed: z.boolean() });

/** What each way out of a printable gives back. */
const PRINTABLE_OUTPUTS = { preview: previewSchema, pdf: savedFileSchema, print: printOutcomeSchema, docx: savedFileSchema };

type PrintableChannels<C extends string, I extends z.ZodType> = {
  [F in keyof typeof PRINTABLE_OUTPUTS as `${C}.${F}`]: { input: I; output: (typeof PRINTABLE_OUTPUTS)[F] };
};

/**
 * The four channels of a capability's printable, all asked with the same input: `<capability>.preview`
 * (the very HTML that is printed, shown on screen), `.pdf`, `.print` (to the printer through the system
 * dialog, where the app runs in Electron) and `.docx` (the same as an editable Word file in the Party's format).
 */
export function printableChannels<C extends string, I extends z.ZodType>(capability: C, input: I): PrintableChannels<C, I> {
  const entries = Object.entries(PRINTABLE_OUTPUTS).map(([format, output]) => [`${capability}.${format}`, { input, output }]);
  return Object.fromEntries(entries) as PrintableChannels<C, I>;
}

export const JOB_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;

/**
 * Where a long background job stands (printing a batch, summing a report period): the screen polls
 * its `…Status` channel with the job's id until it is no longer running.
 */
export const jobStateSchema = z.object({
  status: z.enum(JOB_STATUSES),
  done: z.number(),
  total: z.number(),
  message: z.string().nullable(),
});
export type JobState = z.infer<typeof jobStateSchema>;

/** A job's start: its id, and how many steps it has (the progress bar's end before the first poll). */
export const jobStartSchema = z.object({ jobId: z.string(), total: z.number() });

/** The input of a job's status and cancel channels; `what` names the job for a wrong id ("lượt in"). */
export const jobIdInput = (what: string) => z.object({ jobId: z.uuid(`Mã ${what} không hợp lệ`) });

/** A whole number field with one Vietnamese message for every way it can be wrong. */
export const intInRange = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

/** Every channel is `capability.action` → { input, output }. */
export interface ChannelDef {
  input: z.ZodType;
  output: z.ZodType;
}

/** The `fields` key of a problem with the input as a whole (not an object, say) rather than one field. */
export const WHOLE_INPUT = '_input';

/**
 * Messages by field path ("topics.2.sessions"), the first for each path. A problem with the whole
 * input, which no form field shows, is keyed WHOLE_INPUT and says so as a sentence.
 */
export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.length === 0 ? WHOLE_INPUT : issue.path.map(String).join('.');
    const message =
      key === WHOLE_INPUT && issue.code === 'invalid_type'
        ? 'Dữ liệu gửi đến không đúng dạng; hãy tải lại trang rồi thử lại.'
        : issue.message;
    // A key from the input ("__proto__" in a record) is kept as an own field, never set through the prototype.
    if (!Object.hasOwn(fields, key))
      Object.defineProperty(fields, key, { value: message, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}
