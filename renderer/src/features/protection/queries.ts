import { statusChangeHook } from '../../app/queries';
import { mutationHook, useChannelQuery } from '../../data/queries';

export const useRecoverySheet = (enabled: boolean) => useChannelQuery('protection.recoverySheet', {}, { enabled, staleTime: Infinity });
export const useRecoverySheetPdf = mutationHook('protection.recoverySheetPdf');
export const useRecoverySheetPrint = mutationHook('protection.recoverySheetPrint');
export const useUnlock = statusChangeHook('protection.unlock', { everything: true });
// The sheet shown until now no longer stands: dropped, so the next one is asked afresh.
export const useConfirmRecoveryKey = statusChangeHook('protection.confirmRecoveryKey', { forget: 'protection.recoverySheet' });
export const useNewRecoveryKey = statusChangeHook('protection.newRecoveryKey', { everything: true, forget: 'protection.recoverySheet' });
