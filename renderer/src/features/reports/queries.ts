import { keepPreviousData } from '@tanstack/react-query';
import type { ReportPeriod } from '../../../../shared/contract/reports';
import { mutationHook, useChannelQuery } from '../../data/queries';

export const useReportSettings = () => useChannelQuery('reports.settings', {});
export const useReportYears = () => useChannelQuery('reports.years', {});
export const useRollup = (year: number) => useChannelQuery('reports.rollup', { year });
export const useReport = (period: ReportPeriod, enabled: boolean) =>
  useChannelQuery('reports.get', { period }, { placeholderData: keepPreviousData, retry: false, enabled });
export const useReportPreview = (period: ReportPeriod, enabled: boolean) => useChannelQuery('reports.preview', { period }, { enabled });
/** Starts summing a period's figures when they are not cached yet; asked afresh each time the period is shown. */
export const usePrepareReport = (period: ReportPeriod) =>
  useChannelQuery('reports.prepare', { period }, { retry: false, staleTime: 0, gcTime: 0 });

export const useSaveReportSettings = mutationHook('reports.saveSettings', ['reports.settings', 'reports.get']);
export const useCloseYear = mutationHook('reports.closeYear', ['reports.years', 'reports.get']);
export const useImportRollup = mutationHook('reports.importRollup', ['reports.rollup']);
export const useRemoveRollup = mutationHook('reports.removeRollup', ['reports.rollup']);

// Files made from the figures: nothing cached changes.
export const useReportXlsx = mutationHook('reports.xlsx');
export const useReportPdf = mutationHook('reports.pdf');
export const useReportDocx = mutationHook('reports.docx');
export const usePrintReport = mutationHook('reports.print');
export const useExportRollup = mutationHook('reports.exportRollup');
