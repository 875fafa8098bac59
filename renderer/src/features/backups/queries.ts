import { statusChangeHook } from '../../app/queries';
import { mutationHook, useChannelQuery } from '../../data/queries';

export const useBackups = () => useChannelQuery('backups.list', {});
export const useCreateBackup = mutationHook('backups.create', ['backups.list', 'app.status']);
export const useExportOffsite = mutationHook('backups.exportOffsite', ['app.status']);
export const useInspectFile = mutationHook('backups.inspectFile');

// After a restore every cached screen is stale: all are read again.
export const useRestore = statusChangeHook('backups.restore', { everything: true });
export const useRestoreFile = statusChangeHook('backups.restoreFile', { everything: true });
