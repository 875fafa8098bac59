import { useChannelQuery } from '../../data/queries';

export const usePrograms = (includeArchived = false) => useChannelQuery('programs.list', { includeArchived });
