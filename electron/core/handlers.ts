import type { Channel } from '../../shared/contract';
import { appHandlers } from './services/app';
import { centreHandlers } from './services/centre';
import { programsHandlers } from './services/programs';
import { learnersHandlers } from './services/learners';
import { referenceHandlers } from './services/reference';
import { unitsHandlers } from './services/units';
import { importsHandlers } from './services/imports';
import { lecturersHandlers } from './services/lecturers';
import { plansHandlers } from './services/plans';
import { classesHandlers } from './services/classes';
import { timetableHandlers } from './services/timetable';
import { holidaysHandlers } from './services/holidays';
import { documentsHandlers } from './services/documents';
import { enrollmentsHandlers } from './services/enrollments';
import { certificatesHandlers } from './services/certificates';
import { certificatePrintingHandlers } from './services/certificate-printing';
import { trustedKeysHandlers } from './services/trusted-keys';
import { reportsHandlers } from './services/reports';
import { protectionHandlers } from './services/protection';
import { levelsHandlers } from './levels/handlers';
import { studiesHandlers } from './studies/handlers';
import type { Handler } from './handler';

type Merged<M extends readonly object[]> = M extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merged<R> : unknown;

/**
 * Joins the capabilities' handler maps. A spread would let a second handler for a channel silently win, so a
 * channel claimed twice stops the app at start (and the architecture test) instead.
 */
export function mergeHandlers<M extends readonly object[]>(...maps: M): Merged<M> {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [channel, handler] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(merged, channel)) throw new Error(`Kênh ${channel} có hai bộ xử lý.`);
      merged[channel] = handler;
    }
  }
  return merged as Merged<M>;
}

/** Every channel of the contract has exactly one handler; a missing one fails to compile. */
export const handlers: { [C in Channel]: Handler<C> } = mergeHandlers(
  appHandlers,
  centreHandlers,
  programsHandlers,
  learnersHandlers,
  unitsHandlers,
  referenceHandlers,
  importsHandlers,
  lecturersHandlers,
  plansHandlers,
  classesHandlers,
  timetableHandlers,
  holidaysHandlers,
  documentsHandlers,
  enrollmentsHandlers,
  certificatesHandlers,
  certificatePrintingHandlers,
  trustedKeysHandlers,
  reportsHandlers,
  protectionHandlers,
  levelsHandlers,
  studiesHandlers,
);
