import type { referenceChannels } from '../../../shared/contract/learners';
import { COMMUNES } from '../reference/communes';
import type { Handlers } from '../handler';

const communeList = COMMUNES.map((c) => ({ code: c.code, name: c.name, provinceName: c.provinceName }));

export const referenceHandlers: Handlers<typeof referenceChannels> = {
  'reference.communes': () => communeList,
};
