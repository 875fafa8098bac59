import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { call } from '../../api';
import { readFileBase64 } from '../../components/download';
import { mutationHook, useChannelMutation, useChannelQuery, type ChannelMutationOptions } from '../../data/queries';

/** Every class, for the "Ghi danh vào lớp" choice. */
export const useClassList = () => useChannelQuery('classes.list', { year: null, programId: null });

/** Reads the picked file in the page, then hands it whole to the core, which opens it and guesses its columns. */
export const useOpenImportFile = (options: Omit<UseMutationOptions<Output<'imports.open'>, Error, File>, 'mutationFn'>) =>
  useMutation({
    ...options,
    mutationFn: async (file: File) => call('imports.open', { fileName: file.name, dataBase64: await readFileBase64(file) }),
  });

// An import session lives in the core until committed: checking and correcting its rows changes nothing cached.
export const useAnalyzeImport = mutationHook('imports.analyze');
export const useUpdateImportRow = mutationHook('imports.updateRow');
export const useSetImportRowAction = mutationHook('imports.setRowAction');
export const useImportProblemsFile = mutationHook('imports.problemsXlsx');

/** Committing writes people, units, enrolments and the remembered columns at once: every cached answer may have changed. */
export function useCommitImport(options: Omit<ChannelMutationOptions<'imports.commit'>, 'invalidates'> = {}) {
  const queryClient = useQueryClient();
  return useChannelMutation('imports.commit', {
    ...options,
    onSuccess: (...answer) => {
      void queryClient.invalidateQueries();
      return options.onSuccess?.(...answer);
    },
  });
}
