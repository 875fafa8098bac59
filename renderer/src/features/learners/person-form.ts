import type { Person, PersonInput } from '../../../../shared/contract/learners';
import { formatDate } from '../../../../shared/domain/format';
import { parseLooseDate } from '../../../../shared/domain/partial-date';

/** Dates are typed as the clerk writes them ("05/09/1975", "9/1975", "1975") and parsed on save. */
export type PersonForm = Omit<PersonInput, 'birthDate' | 'admissionDate' | 'confirmationDate' | 'citizenId' | 'expectedUpdatedAt'> & {
  birthDate: string;
  admissionDate: string;
  confirmationDate: string;
  citizenId: string;
};

export const EMPTY_PERSON: PersonForm = {
  familyAndMiddle: '',
  given: '',
  sex: null,
  birthDate: '',
  ethnicityCode: '01',
  religion: '',
  homePlace: '',
  communeCode: null,
  workplace: '',
  position: '',
  partyStatus: null,
  admissionDate: '',
  confirmationDate: '',
  unitId: null,
  educationLevel: '',
  theoryLevel: null,
  citizenId: '',
  partyCard: '',
  phone: '',
  notes: '',
};

export function personToForm(p: Person): PersonForm {
  return {
    id: p.id,
    familyAndMiddle: p.familyAndMiddle,
    given: p.given,
    sex: p.sex,
    birthDate: formatDate(p.birthDate),
    ethnicityCode: p.ethnicityCode,
    religion: p.religion,
    homePlace: p.homePlace,
    communeCode: p.communeCode,
    workplace: p.workplace,
    position: p.position,
    partyStatus: p.partyStatus,
    admissionDate: formatDate(p.admissionDate),
    confirmationDate: formatDate(p.confirmationDate),
    unitId: p.unitId,
    educationLevel: p.educationLevel,
    theoryLevel: p.theoryLevel,
    citizenId: p.citizenId ?? '',
    partyCard: p.partyCard,
    phone: p.phone,
    notes: p.notes,
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
