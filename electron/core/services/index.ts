import type { Channel } from '../../../shared/contract';
import { appHandlers } from './app';
import { centreHandlers } from './centre';
import { programsHandlers } from './programs';
import type { Handler } from './types';

/** Every channel of the contract has exactly one handler; a missing one fails to compile. */
export const handlers: { [C in Channel]: Handler<C> } = {
  ...appHandlers,
  ...centreHandlers,
  ...programsHandlers,
};
