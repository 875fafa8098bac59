import type { Person, PersonInput } from '../../../../shared/contract/learners';
import { formatDate } from '../../../../shared/domain/format';
import { parseLooseDate } from '../../../../shared/domain/partial-date';
import { BLANK_PERSON, personData } from '../../../../shared/domain/person-record';

/** Dates are typed as the clerk writes them ("05/09/1975", "9/1975", "1975") and parsed on save. */
export type PersonForm = Omit<PersonInput, 'birthDate' | 'admissionDate' | 'confirmationDate' | 'citizenId' | 'expectedUpdatedAt'> & {
  birthDate: string;
  admissionDate: string;
  confirmationDate: string;
  citizenId: string;
};

/** A new record: every field empty, the dates as empty text, and the ethnicity Kinh (code 01) until changed. */
export const EMPTY_PERSON: PersonForm = { ...BLANK_PERSON, birthDate: '', ethnicityCode: '01', admissionDate: '', confirmationDate: '' };

export function personToForm(p: Person): PersonForm {
  return {
    id: p.id,
    ...personData(p),
    birthDate: formatDate(p.birthDate),
    admissionDate: formatDate(p.admissionDate),
    confirmationDate: formatDate(p.confirmationDate),
    citizenId: p.citizenId ?? '',
  };
}

/** Text dates become ISO; a date that cannot be read keeps its own message for the field. */
export function formToInput(f: PersonForm): { input: PersonInput; dateErrors: Record<string, string> } {
  const dateErrors: Record<string, string> = {};
  const date = (key: 'birthDate' | 'admissionDate' | 'confirmationDate', full: boolean): string | null => {
    const text = f[key].trim();
    if (!text) return null;
    const r = parseLooseDate(text, { kind: key === 'birthDate' ? 'birth' : 'event' });
    if (!r.ok) {
      dateErrors[key] = r.message;
      return null;
    }
    if (full && r.value.length !== 10) {
      dateErrors[key] = 'Cần đủ ngày, tháng, năm';
      return null;
    }
    return r.value;
  };
  return {
    input: {
      ...f,
      birthDate: date('birthDate', false),
      admissionDate: date('admissionDate', true),
      confirmationDate: date('confirmationDate', true),
      citizenId: f.citizenId,
    },
    dateErrors,
  };
}
