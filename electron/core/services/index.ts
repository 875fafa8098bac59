import type { Channel } from '../../../shared/contract';
import { appHandlers } from './app';
import { centreHandlers } from './centre';
import { programsHandlers } from './programs';
import { learnersHandlers } from './learners';
import { referenceHandlers } from './reference';
import { unitsHandlers } from './units';
import { importsHandlers } from './imports';
import { lecturersHandlers } from './lecturers';
import { plansHandlers } from './plans';
import { classesHandlers } from './classes';
import { timetableHandlers } from './timetable';
import { holidaysHandlers } from './holidays';
import { documentsHandlers } from './documents';
import { enrollmentsHandlers } from './enrollments';
import { certificatesHandlers } from './certificates';
import { certificatePrintingHandlers } from './certificate-printing';
import { trustedKeysHandlers } from './trusted-keys';
import { reportsHandlers } from './reports';
import { protectionHandlers } from './protection';
import { levelsHandlers } from '../levels/handlers';
import { studiesHandlers } from '../studies/handlers';
import type { Handler } from './types';

/** Every channel of the contract has exactly one handler; a missing one fails to compile. */
export const handlers: { [C in Channel]: Handler<C> } = {
  ...appHandlers,
  ...centreHandlers,
  ...programsHandlers,
  ...learnersHandlers,
  ...unitsHandlers,
  ...referenceHandlers,
  ...importsHandlers,
  ...lecturersHandlers,
  ...plansHandlers,
  ...classesHandlers,
  ...timetableHandlers,
  ...holidaysHandlers,
  ...documentsHandlers,
  ...enrollmentsHandlers,
  ...certificatesHandlers,
  ...certificatePrintingHandlers,
  ...trustedKeysHandlers,
  ...reportsHandlers,
  ...protectionHandlers,
  ...levelsHandlers,
  ...studiesHandlers,
};
