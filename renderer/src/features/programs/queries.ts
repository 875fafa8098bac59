import type { Program } from '../../../../shared/contract/programs';
import { useSetAnswer } from '../../data/answers';
import { mutationHook, useChannelQuery } from '../../data/queries';

export const usePrograms = (includeArchived = false) => useChannelQuery('programs.list', { includeArchived });
export const useProgram = (id: number) => useChannelQuery('programs.get', { id });

// Both answer with the program as saved, which the editor keeps; the catalogue lists it.
export const PROGRAM_CHANGE = ['programs.list'] as const;
export const useSetProgramArchived = mutationHook('programs.setArchived', PROGRAM_CHANGE);

/** A saved program is shown at once where it is read (a new program's page opens on save). */
export function useStoreProgram(): (p: Program) => void {
  const setAnswer = useSetAnswer();
  return (p) => setAnswer('programs.get', { id: p.id }, p);
}
