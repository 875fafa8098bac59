import type { Program, ProgramInput } from '../../../../shared/contract/programs';
import { formatScore, parseScore } from '../../../../shared/domain/format';

/** What the clerk is typing: numbers stay text until saved, so a half-typed "7," is never lost. */
export interface ProgramForm {
  id?: number;
  code: string;
  name: string;
  targetLearners: string;
  outcome: Program['outcome'];
  validityMonths: string;
  maxAbsencePct: string;
  maxRetakes: string;
  typicalDays: string;
  fitStatuses: Program['fitStatuses'];
  grantsLevel: Program['grantsLevel'];
  topics: { key: string; id?: number; title: string; sessions: string }[];
  components: { key: string; name: string; weight: string }[];
  bands: { key: string; label: string; min: string; max: string }[];
}

let seq = 0;
export const newKey = () => `k${++seq}`;

export const EMPTY_PROGRAM: ProgramForm = {
  code: '',
  name: '',
  targetLearners: '',
  outcome: 'certificate',
  validityMonths: '',
  maxAbsencePct: '20',
  maxRetakes: '1',
  typicalDays: '',
  fitStatuses: [],
  grantsLevel: null,
  topics: [],
  components: [],
  bands: [],
};

export function programToForm(p: Program): ProgramForm {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    targetLearners: p.targetLearners,
    outcome: p.outcome,
    validityMonths: p.validityMonths === null ? '' : String(p.validityMonths),
    maxAbsencePct: String(p.maxAbsencePct),
    maxRetakes: String(p.maxRetakes),
    typicalDays: p.typicalDays === null ? '' : String(p.typicalDays),
    fitStatuses: p.fitStatuses,
    grantsLevel: p.grantsLevel,
    topics: p.topics.map((t) => ({ key: newKey(), id: t.id, title: t.title, sessions: String(t.sessions) })),
    components: p.components.map((c) => ({ key: newKey(), name: c.name, weight: String(c.weight) })),
    bands: p.bands.map((b) => ({ key: newKey(), label: b.label, min: formatScore(b.min), max: formatScore(b.max) })),
  };
}

/** Text that is not a whole number becomes NaN, which the contract reports with its own message. */
function int(text: string): number {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

function optionalInt(text: string): number | null {
  return text.trim() === '' ? null : int(text);
}

export function formToInput(f: ProgramForm): ProgramInput {
  return {
    ...(f.id === undefined ? {} : { id: f.id }),
    code: f.code,
    name: f.name,
    targetLearners: f.targetLearners,
    outcome: f.outcome,
    validityMonths: optionalInt(f.validityMonths),
    maxAbsencePct: int(f.maxAbsencePct),
    maxRetakes: int(f.maxRetakes),
    typicalDays: optionalInt(f.typicalDays),
    fitStatuses: f.fitStatuses,
    grantsLevel: f.grantsLevel,
    topics: f.topics.map((t) => ({ ...(t.id === undefined ? {} : { id: t.id }), title: t.title, sessions: int(t.sessions) })),
    components: f.components.map((c) => ({ name: c.name, weight: int(c.weight) })),
    bands: f.bands.map((b) => ({ label: b.label, min: parseScore(b.min) ?? Number.NaN, max: parseScore(b.max) ?? Number.NaN })),
  };
}
