import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../../shared/contract';
import { call } from '../../api';
import { answerHook } from '../../data/answers';
import { channelKey, mutationHook, useChannelQuery, useInvalidate } from '../../data/queries';
import { useDownload } from '../../data/useDownload';

export const useCertificatePlan = (classId: number) => useChannelQuery('certificates.plan', { classId });
export const useClassCertificates = (classId: number) => useChannelQuery('certificates.ofClass', { classId });
export const useCertificateRegister = (year: number) => useChannelQuery('certificates.register', { year });
export const useCertificateSettings = () => useChannelQuery('certificates.settings', {});
export const usePrinterOffset = () => useChannelQuery('certificates.offset', {});
export const useNextNumber = (year: number, enabled: boolean) => useChannelQuery('certificates.nextNumber', { year }, { enabled });
export const useTrustedKeys = () => useChannelQuery('certificates.trustedKeys', {});
// Read once per program: the editor keeps its own draft, and saving files the answer.
export const useCertificateLayout = (programId: number) => useChannelQuery('certificates.layout', { programId }, { staleTime: Infinity });

/**
 * The sample or the calibration page of a draft layout. Filed under the draft's version rather than the
 * draft itself: a layout carries its background image, too large to compare at every keystroke.
 */
export function useLayoutPreview(view: 'sample' | 'calibration', input: Input<'certificates.layoutPreview'>, version: number) {
  const channel = view === 'sample' ? 'certificates.layoutPreview' : 'certificates.calibration';
  return useQuery({
    queryKey: [...channelKey(channel, { programId: input.programId } as Input<typeof channel>), version],
    queryFn: () => call(channel, input),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
  });
}
export const useCertificatePreview = (certificateIds: number[]) =>
  useChannelQuery('certificates.preview', { certificateIds }, { staleTime: 0 });

// A certificate issued, reissued or revoked shows in the class's plan and list, and in its counts on the class pages.
const CLASS_CERTIFICATES = ['certificates.plan', 'certificates.ofClass', 'classes.get', 'classes.list'] as const;
/** After certificates were printed elsewhere (their print counts changed). */
export function useRefreshClassCertificates() {
  const invalidate = useInvalidate();
  return () => void invalidate(...CLASS_CERTIFICATES);
}
export const useIssueCertificates = mutationHook('certificates.issue', CLASS_CERTIFICATES);
export const useReissueCertificate = mutationHook('certificates.reissue', CLASS_CERTIFICATES);
export const useRevokeCertificate = mutationHook('certificates.revoke', CLASS_CERTIFICATES);
export const useRepairRegister = mutationHook('certificates.repair', [
  'certificates.register',
  'certificates.ofClass',
  'certificates.plan',
]);

// Whether the sequence restarts each year may change with the patterns.
export const SETTINGS_CHANGE = ['certificates.settings', 'certificates.plan', 'certificates.nextNumber'] as const;
export const useSetNextNumber = answerHook('certificates.setNextNumber', (n) => ['certificates.nextNumber', { year: n.year }, n], [
  'certificates.plan',
]);
export const useSaveLayout = answerHook('certificates.saveLayout', (r, input) => [
  'certificates.layout',
  { programId: input.programId },
  r,
]);

export const TRUSTED_KEYS_CHANGE = ['certificates.trustedKeys'] as const;
export const useRemoveTrustedKey = mutationHook('certificates.removeTrustedKey', TRUSTED_KEYS_CHANGE);
export const useVerifyCertificate = mutationHook('certificates.verify');
export const useStartBatch = mutationHook('certificates.startBatch');

export const useListPdf = () => useDownload('certificates.listPdf', 'pdf');
export const useListDocx = () => useDownload('certificates.listDocx', 'docx');
export const useRegisterXlsx = () => useDownload('certificates.registerXlsx', 'xlsx');
export const useCalibrationPdf = () => useDownload('certificates.calibrationPdf', 'pdf');

export type ListRequest = Input<'certificates.listPdf'>;
