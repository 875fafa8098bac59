import { describe, expect, it } from 'vitest';
import { lecturerInput } from '../../shared/contract/lecturers';
import { WHOLE_INPUT } from '../../shared/contract';
import { ApiError } from '../../renderer/src/api';
import { checkForm, errorsFrom, fieldProps } from '../../renderer/src/components/form/form-errors';
import { EMPTY_LECTURER, formToInput as lecturerFormToInput, withRole } from '../../renderer/src/features/lecturers/lecturer-form';
import { EMPTY_PERSON, formToInput as personFormToInput } from '../../renderer/src/features/learners/person-form';

describe('the form kit', () => {
  it('runs the contract schema before sending and puts its messages at the fields', () => {
    const checked = checkForm(lecturerInput, lecturerFormToInput({ ...EMPTY_LECTURER, given: '' }));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields.given).toBeTruthy();
    expect(checked.errors.fields.role).toBeTruthy();
    expect(checked.errors.formError).toBe('Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu đỏ.');
    expect(fieldProps(checked.errors.fields, 'given', 'gợi ý')).toEqual({ error: true, helperText: checked.errors.fields.given });
    expect(fieldProps(checked.errors.fields, 'unit', 'gợi ý')).toEqual({ error: false, helperText: 'gợi ý' });
  });

  it('hands the clean input on when the form is right', () => {
    const form = withRole({ ...EMPTY_LECTURER, familyAndMiddle: 'Nguyễn Văn', given: ' An ' }, 'giang_vien');
    const checked = checkForm(lecturerInput, lecturerFormToInput(form));
    expect(checked).toMatchObject({ ok: true, data: { given: 'An', role: 'giang_vien', normHours: 120, lecturingHours: 90 } });
  });

  it("maps the core's refusal: its fields, and its own sentence above them", () => {
    const dup = errorsFrom(new ApiError({ code: 'DUPLICATE', message: 'Đã có giảng viên này.', fields: { given: 'Trùng tên' } }));
    expect(dup).toEqual({ fields: { given: 'Trùng tên' }, formError: 'Đã có giảng viên này.' });
    const whole = errorsFrom(new ApiError({ code: 'INVALID_INPUT', message: 'x', fields: { [WHOLE_INPUT]: 'Cả biểu mẫu sai' } }));
    expect(whole.formError).toBe('Cả biểu mẫu sai');
    expect(errorsFrom(new Error('boom')).formError).toBe('Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện.');
  });
});

describe('form conversions', () => {
  it('lecturer: a new role fills norms that still follow the old role, and keeps typed ones', () => {
    const chosen = withRole(EMPTY_LECTURER, 'giang_vien');
    expect([chosen.normHours, chosen.lecturingHours]).toEqual(['120', '90']);
    expect([withRole(chosen, 'giam_doc').normHours, withRole(chosen, 'giam_doc').lecturingHours]).toEqual(['40', '30']);
    const typed = withRole({ ...chosen, normHours: '100' }, 'giam_doc');
    expect([typed.normHours, typed.lecturingHours]).toEqual(['100', '90']);
  });

  it('lecturer: hours are whole numbers or empty; anything else is NaN for the contract to name', () => {
    const input = lecturerFormToInput({ ...EMPTY_LECTURER, normHours: ' 12 ', lecturingHours: '1,5' });
    expect(input.normHours).toBe(12);
    expect(input.lecturingHours).toBeNaN();
    expect(lecturerFormToInput(EMPTY_LECTURER)).toMatchObject({ role: undefined, normHours: null, lecturingHours: null });
    expect('id' in lecturerFormToInput(EMPTY_LECTURER)).toBe(false);
  });

  it('person: dates as typed become ISO, partial where allowed, and an unreadable one keeps its message', () => {
    const ok = personFormToInput({ ...EMPTY_PERSON, birthDate: '9/1975', admissionDate: '05/09/2001', confirmationDate: '' });
    expect(ok.dateErrors).toEqual({});
    expect(ok.input).toMatchObject({ birthDate: '1975-09', admissionDate: '2001-09-05', confirmationDate: null });
    const partial = personFormToInput({ ...EMPTY_PERSON, admissionDate: '2001' });
    expect(partial.dateErrors.admissionDate).toBe('Cần đủ ngày, tháng, năm');
    const bad = personFormToInput({ ...EMPTY_PERSON, birthDate: '31/02/1975' });
    expect(bad.dateErrors.birthDate).toBeTruthy();
    expect(bad.input.birthDate).toBeNull();
  });
});
