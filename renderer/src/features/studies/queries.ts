import { keepPreviousData } from '@tanstack/react-query';
import type { StudyScope } from '../../../../shared/contract/studies';
import { mutationHook, useChannelQuery } from '../../data/queries';

export const useStudySessions = (year: number) => useChannelQuery('studies.list', { year });
export const useStudySession = (id: number | null) => useChannelQuery('studies.get', { id: id! }, { enabled: id !== null });
export const useStudyClasses = (year: number) => useChannelQuery('studies.classes', { year });
export const useBaseOrgs = () => useChannelQuery('studies.baseOrgs', {});
export const useStudyMembers = (year: number) => useChannelQuery('studies.members', { year });
export const useStudyReport = (scope: StudyScope | null) =>
  useChannelQuery('studies.report', { scope: scope! }, { enabled: scope !== null, placeholderData: keepPreviousData, retry: false });
export const useStudyPreview = (scope: StudyScope | null, shown: boolean) =>
  useChannelQuery('studies.preview', { scope: scope! }, { enabled: shown && scope !== null, staleTime: 0 });

// The printed preview too: a session's title, date, list or counts show in it.
export const SESSIONS = ['studies.list', 'studies.get', 'studies.report', 'studies.preview'] as const;
export const MEMBERS = ['studies.members', ...SESSIONS] as const;
export const useRemoveStudySession = mutationHook('studies.remove', SESSIONS);
export const usePrintStudy = mutationHook('studies.print');
