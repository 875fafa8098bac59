import type { Person, PersonData, PersonInput } from '../contract/learners';

/** A person's record with nothing filled in: no name, no dates, nothing chosen. The form and the test builders start from it. */
export const BLANK_PERSON = {
  familyAndMiddle: '',
  given: '',
  sex: null,
  birthDate: null,
  ethnicityCode: null,
  religion: '',
  homePlace: '',
  communeCode: null,
  workplace: '',
  position: '',
  partyStatus: null,
  admissionDate: null,
  confirmationDate: null,
  unitId: null,
  educationLevel: '',
  theoryLevel: null,
  citizenId: '',
  partyCard: '',
  phone: '',
  notes: '',
} satisfies PersonInput;

/** The fields a clerk edits, from a stored person (for merges, updates and the form). */
export function personData(p: Person): PersonData {
  return {
    familyAndMiddle: p.familyAndMiddle,
    given: p.given,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicityCode: p.ethnicityCode,
    religion: p.religion,
    homePlace: p.homePlace,
    communeCode: p.communeCode,
    workplace: p.workplace,
    position: p.position,
    partyStatus: p.partyStatus,
    admissionDate: p.admissionDate,
    confirmationDate: p.confirmationDate,
    unitId: p.unitId,
    educationLevel: p.educationLevel,
    theoryLevel: p.theoryLevel,
    citizenId: p.citizenId,
    partyCard: p.partyCard,
    phone: p.phone,
    notes: p.notes,
  };
}
