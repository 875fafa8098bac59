import { keepPreviousData } from '@tanstack/react-query';
import { everythingHook } from '../../data/everything';
import { mutationHook, useChannelQuery } from '../../data/queries';
import { useDownload } from '../../data/useDownload';

// Always fresh when opened: an import or a merge may have changed the record since it was last shown.
export const useLearner = (id: number | undefined) =>
  useChannelQuery('learners.get', { id: id ?? 0 }, { enabled: id !== undefined, staleTime: 0 });
export const useDuplicates = () => useChannelQuery('learners.duplicates', {});
export const useMerges = () => useChannelQuery('learners.merges', {});
export const useMergePreview = (keepId: number, removeId: number, enabled: boolean) =>
  useChannelQuery('learners.mergePreview', { keepId, removeId }, { enabled });
export const useLearningRecordPreview = (input: { id: number; purpose: string }, enabled: boolean) =>
  useChannelQuery('learners.learningRecordPreview', input, { enabled, placeholderData: keepPreviousData, staleTime: 0, retry: false });

// The registry's rows and count show the record's name, unit and dates.
export const useSaveLearner = mutationHook('learners.save', ['learners.search', 'learners.count']);
export const useDismissDuplicate = mutationHook('learners.dismissDuplicate', ['learners.duplicates']);
// A merge (or its undo) moves classes, certificates and results between records: every screen may show them.
export const useMergeLearners = everythingHook('learners.merge');
export const useUndoMerge = everythingHook('learners.undoMerge');

export const useExportRegistry = () => useDownload('learners.exportXlsx', 'xlsx');
export const usePersonDataPdf = () => useDownload('learners.personDataPdf', 'pdf');
export const usePersonDataXlsx = () => useDownload('learners.personDataXlsx', 'xlsx');
export const useLearningRecordPdf = () => useDownload('learners.learningRecordPdf', 'pdf');
export const useLearningRecordDocx = () => useDownload('learners.learningRecordDocx', 'docx');
export const useLearningRecordPrint = mutationHook('learners.learningRecordPrint');
