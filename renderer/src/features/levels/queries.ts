import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { call } from '../../api';
import { mutationHook, useChannelQuery } from '../../data/queries';
import { downloadBase64 } from '../../components/download';
import { MIME, type FileKind } from '../../data/useDownload';

export const useLevelHistory = (personId: number) => useChannelQuery('levels.history', { personId }, { staleTime: 0 });
export const usePositionGroups = () => useChannelQuery('levels.groups', {});
export const useLevelTargets = (year: number) => useChannelQuery('levels.targets', { year });
export const useNominations = (year: number) => useChannelQuery('levels.nominations', { year });
export const useLevelReport = (year: number) =>
  useChannelQuery('levels.report', { year }, { placeholderData: keepPreviousData, staleTime: 0 });
export const useLevelPreview = (year: number, enabled: boolean) => useChannelQuery('levels.preview', { year }, { enabled, staleTime: 0 });

/** The year's report saved as a file of the chosen kind; the mutation remembers which kind and year. */
export const useLevelFile = () =>
  useMutation({
    mutationFn: async ({ kind, year }: { kind: FileKind; year: number }) => ({ kind, file: await call(`levels.${kind}`, { year }) }),
    onSuccess: ({ kind, file }) => downloadBase64(file.fileName, file.dataBase64, MIME[kind]),
  });

export const DIPLOMA_CHANGE = ['levels.history'] as const;
export const useDeleteDiploma = mutationHook('levels.deleteDiploma', DIPLOMA_CHANGE);

// Targets show their group's name: a renamed or removed group changes the targets list too.
export const GROUPS_AND_TARGETS = ['levels.groups', 'levels.targets', 'levels.report'] as const;
export const useDeleteGroup = mutationHook('levels.deleteGroup', GROUPS_AND_TARGETS);
export const useDeleteTarget = mutationHook('levels.deleteTarget', GROUPS_AND_TARGETS);

// A graduate's diploma from a nomination counts in their history and the year's report.
export const NOMINATIONS = ['levels.nominations', 'levels.report', 'levels.history'] as const;
export const useDeleteNomination = mutationHook('levels.deleteNomination', NOMINATIONS);
