import { useChannelQuery } from '../../data/queries';

export const useCentre = () => useChannelQuery('centre.get', {});
/** The profile in force on `date` (who could sign then); none asked before a date is chosen. */
export const useCentreAt = (date: string) => useChannelQuery('centre.profileAt', { date }, { enabled: date !== '' });

// Every printed header and the title bar are made from the profile.
export const CENTRE_CHANGE = ['centre', 'app.status'] as const;
