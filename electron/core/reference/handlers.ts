import type { referenceChannels } from '../../../shared/contract/reference';
import type { Handlers } from '../handler';
import { COMMUNES } from './communes';

const communeList = COMMUNES.map((c) => ({ code: c.code, name: c.name, provinceName: c.provinceName }));

export const referenceHandlers: Handlers<typeof referenceChannels> = {
  'reference.communes': () => communeList,
};
