import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, WHOLE_INPUT, zodIssuesToFields, type Channel } from '../../shared/contract';
import { FIELD_LABELS, fieldMessage, fieldName, messageWithFields } from '../../shared/contract/field-labels';
import { defOf } from '../fixtures/fuzz-payloads';

/**
 * Every message a refused input can carry in `fields` is plain Vietnamese, zod's own included (a wrong
 * type, a missing field, a limit): no "Invalid input: expected object, received string", and not the
 * Vietnamese locale's "mong đợi object, nhận được string" either.
 */

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const MACHINE_WORDING =
  /Invalid|expected|received|Required|mong đợi|nhận được|\b(object|string|undefined|boolean|bigint|symbol|int|number|array|record)\b|[<>]=?/;

type Variant = 'wrongType' | 'tooBig' | 'tooSmall' | 'fraction';

/** A value shaped like the schema with every leaf wrong in one way. */
function wrong(schema: z.core.$ZodType, how: Variant, depth = 0): unknown {
  const d = defOf(schema);
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape!).map(([k, s]) => [k, wrong(s, how, depth + 1)]));
    case 'array':
      if (how === 'tooBig') return Array.from({ length: 20_001 }, () => 1);
      return how === 'tooSmall' ? [] : [wrong(d.element!, how, depth + 1)];
    case 'record':
      return { a: wrong(d.valueType!, how, depth + 1), constructor: 1 };
    case 'optional':
    case 'nullable':
    case 'default':
      return wrong(d.innerType!, how, depth);
    case 'pipe':
      return wrong(d.in!, how, depth);
    case 'union':
      return wrong(d.options![0]!, how, depth);
    case 'string':
      return how === 'wrongType' ? 42 : how === 'tooBig' ? 'x'.repeat(100_001) : how === 'tooSmall' ? '' : 'abc';
    case 'number':
      return how === 'wrongType' ? 'x' : how === 'tooBig' ? 1e15 : how === 'tooSmall' ? -1e15 : 0.5;
    case 'boolean':
      return how === 'wrongType' ? 'có' : null;
    default:
      return how === 'wrongType' ? { x: 1 } : '???';
  }
}

function fieldsOf(channel: Channel, value: unknown): Record<string, string> {
  const r = contract[channel].input.safeParse(value);
  return r.success ? {} : zodIssuesToFields(r.error.issues);
}

describe('validation messages', () => {
  it('are plain Vietnamese on every channel, for every kind of wrong input', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const channel of Object.keys(contract) as Channel[]) {
      const schema = contract[channel].input;
      const inputs = [
        'abc',
        42,
        null,
        [],
        {},
        { extra: 1 },
        wrong(schema, 'wrongType'),
        wrong(schema, 'tooBig'),
        wrong(schema, 'tooSmall'),
        wrong(schema, 'fraction'),
      ];
      for (const input of inputs) {
        for (const [key, message] of Object.entries(fieldsOf(channel, input))) {
          checked++;
          if (!VIETNAMESE.test(message) || MACHINE_WORDING.test(message)) bad.push(`${channel} ${key}: ${message}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...new Set(bad)]).toEqual([]);
  });

  it('says what a wrong type, a missing field or a limit is in the clerk’s words', () => {
    expect(fieldsOf('learners.search', { q: 5, limit: 2.5 })).toEqual({ q: 'Phải là chữ', limit: 'Phải là số nguyên' });
    expect(fieldsOf('programs.list', {})).toEqual({ includeArchived: 'Chưa có thông tin này' });
    expect(fieldsOf('programs.list', { includeArchived: 'có' })).toEqual({ includeArchived: 'Phải chọn có hoặc không' });
    expect(fieldsOf('learners.search', { q: '', limit: 501 })).toEqual({ limit: 'Không được lớn hơn 500' });
    expect(fieldsOf('centre.get', { extra: 1 })).toEqual({ [WHOLE_INPUT]: 'Có thông tin không thuộc biểu mẫu này' });
  });

  it('puts a problem with the whole input under its own key, as a sentence', () => {
    for (const input of ['abc', 42, null, [], undefined]) {
      expect(fieldsOf('programs.save', input)).toEqual({
        [WHOLE_INPUT]: 'Dữ liệu gửi đến không đúng dạng; hãy tải lại trang rồi thử lại.',
      });
    }
  });

  it('keeps a key taken from the input as an own field, never through the prototype', () => {
    const r = contract['timetable.generate'].input.safeParse(
      JSON.parse('{"classId":1,"startDate":"2024-01-01","halves":["sang"],"lecturerByTopic":{"__proto__":"x","constructor":"y"}}'),
    );
    const fields = r.success ? {} : zodIssuesToFields(r.error.issues);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    // zod leaves "__proto__" out of a record; "constructor" is a field like any other.
    expect(Object.keys(fields)).toEqual(['lecturerByTopic.constructor']);
  });
});

describe('a field message shown away from its field', () => {
  it('names the row and the field', () => {
    expect(fieldMessage('people.3.birthDate', 'Ngày không hợp lệ')).toBe('Dòng 4, Ngày sinh: Ngày không hợp lệ');
    expect(fieldMessage('sessions.2.date', 'Ngày không hợp lệ (dd/MM/yyyy)')).toBe('Dòng 3, Ngày: Ngày không hợp lệ (dd/MM/yyyy)');
    expect(fieldMessage('topics.0.sessions', 'Số buổi phải là số nguyên từ 1 đến 60')).toBe(
      'Dòng 1, Số buổi: Số buổi phải là số nguyên từ 1 đến 60',
    );
    expect(fieldMessage('areaCommunes.9', '«Xã A» bị trùng')).toBe('Dòng 10, Xã, phường: «Xã A» bị trùng');
    expect(fieldMessage('communeCode', 'Mã xã, phường không hợp lệ')).toBe('Xã, phường nơi ở: Mã xã, phường không hợp lệ');
    expect(fieldMessage('values.birthDate', 'Phải là chữ')).toBe('Ngày sinh: Phải là chữ');
    expect(fieldMessage('signer.index', 'Không được lớn hơn 5')).toBe('Người ký: Không được lớn hơn 5');
  });

  it('leaves the message alone when the path names nothing the clerk knows', () => {
    expect(fieldMessage(WHOLE_INPUT, 'Dữ liệu gửi đến không đúng dạng.')).toBe('Dữ liệu gửi đến không đúng dạng.');
    expect(fieldMessage('lecturerByTopic.__proto__', 'Thiếu mã bản ghi')).toBe('Giảng viên theo chuyên đề: Thiếu mã bản ghi');
    expect(fieldName('somethingNew')).toBe('');
    expect(fieldName('constructor')).toBe('');
  });

  it('has a name for every field inside a list of the contract', () => {
    const unnamed = new Set<string>();
    const walk = (s: z.core.$ZodType, path: string[], inList: boolean): void => {
      const d = defOf(s);
      if (d.type === 'object') for (const [k, v] of Object.entries(d.shape!)) walk(v, [...path, k], inList);
      else if (d.type === 'array') walk(d.element!, [...path, '0'], true);
      else if (d.type === 'record') walk(d.valueType!, [...path, 'key'], true);
      else if (d.innerType) walk(d.innerType, path, inList);
      else if (d.type === 'pipe') walk(d.in!, path, inList);
      else if (d.type === 'union') for (const o of d.options!) walk(o, path, inList);
      else if (inList && !fieldName(path.join('.')).includes(', ')) unnamed.add(path.join('.'));
    };
    for (const channel of Object.keys(contract) as Channel[]) walk(contract[channel].input, [], false);
    expect([...unnamed].filter((p) => !p.endsWith('.key'))).toEqual([]);
    expect(Object.values(FIELD_LABELS).every((l) => VIETNAMESE.test(l) || /^[A-ZĐ]/.test(l))).toBe(true);
  });

  it('lists the wrong fields in a refusal shown without its form', () => {
    const error = {
      code: 'INVALID_INPUT',
      message: 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.',
      fields: { 'sessions.3.date': 'Ngày không hợp lệ (dd/MM/yyyy)', 'sessions.3.periods': 'Số tiết một buổi phải từ 1 đến 6' },
    };
    expect(messageWithFields(error)).toBe(
      'Thông tin chưa hợp lệ: Dòng 4, Ngày: Ngày không hợp lệ (dd/MM/yyyy); Dòng 4, Số tiết: Số tiết một buổi phải từ 1 đến 6.',
    );
    const many = { ...error, fields: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`personIds.${i}`, 'Thiếu mã bản ghi'])) };
    expect(messageWithFields(many)).toBe(
      'Thông tin chưa hợp lệ: Dòng 1, Học viên: Thiếu mã bản ghi; Dòng 2, Học viên: Thiếu mã bản ghi; Dòng 3, Học viên: Thiếu mã bản ghi; và 2 chỗ khác.',
    );
    expect(messageWithFields({ code: 'IN_USE', message: 'Đã mở 2 lớp; không xóa được.', fields: { id: 'Đang dùng' } })).toBe(
      'Đã mở 2 lớp; không xóa được.',
    );
  });
});
