import { keepPreviousData } from '@tanstack/react-query';
import { mutationHook, useChannelQuery } from '../../data/queries';

export const useLevelHistory = (personId: number) => useChannelQuery('levels.history', { personId }, { staleTime: 0 });
export const usePositionGroups = () => useChannelQuery('levels.groups', {});
export const useLevelTargets = (year: number) => useChannelQuery('levels.targets', { year });
export const useNominations = (year: number) => useChannelQuery('levels.nominations', { year });
export const useLevelReport = (year: number) =>
  useChannelQuery('levels.report', { year }, { placeholderData: keepPreviousData, staleTime: 0 });
export const useLevelPreview = (year: number, enabled: boolean) => useChannelQuery('levels.preview', { year }, { enabled, staleTime: 0 });

export const useSaveDiploma = mutationHook('levels.saveDiploma', ['levels.history']);
export const useDeleteDiploma = mutationHook('levels.deleteDiploma', ['levels.history']);

// Targets show their group's name: a renamed or removed group changes the targets list too.
const GROUPS_AND_TARGETS = ['levels.groups', 'levels.targets', 'levels.report'] as const;
export const useSaveGroup = mutationHook('levels.saveGroup', GROUPS_AND_TARGETS);
export const useDeleteGroup = mutationHook('levels.deleteGroup', GROUPS_AND_TARGETS);
export const useSaveTarget = mutationHook('levels.saveTarget', GROUPS_AND_TARGETS);
export const useDeleteTarget = mutationHook('levels.deleteTarget', GROUPS_AND_TARGETS);

// A graduate's diploma from a nomination counts in their history and the year's report.
const NOMINATIONS = ['levels.nominations', 'levels.report', 'levels.history'] as const;
export const useSaveNomination = mutationHook('levels.saveNomination', NOMINATIONS);
export const useDeleteNomination = mutationHook('levels.deleteNomination', NOMINATIONS);
