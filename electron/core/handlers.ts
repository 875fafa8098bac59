import type { Channel } from '../../shared/contract';
import { appHandlers } from './app/handlers';
import { backupsHandlers } from './backups/handlers';
import { centreHandlers } from './centre/handlers';
import { programsHandlers } from './programs/handlers';
import { learnersHandlers } from './learners/handlers';
import { referenceHandlers } from './reference/handlers';
import { unitsHandlers } from './units/handlers';
import { importsHandlers } from './imports/handlers';
import { lecturersHandlers } from './lecturers/handlers';
import { plansHandlers } from './plans/handlers';
import { classesHandlers } from './classes/handlers';
import { timetableHandlers } from './timetable/handlers';
import { calendarHandlers } from './calendar/handlers';
import { holidaysHandlers } from './holidays/handlers';
import { documentsHandlers } from './documents/handlers';
import { enrollmentsHandlers } from './enrollments/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { resultsHandlers } from './results/handlers';
import { certificatesHandlers } from './certificates/handlers';
import { reportsHandlers } from './reports/handlers';
import { protectionHandlers } from './protection/handlers';
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
  backupsHandlers,
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
  calendarHandlers,
  holidaysHandlers,
  documentsHandlers,
  enrollmentsHandlers,
  attendanceHandlers,
  resultsHandlers,
  certificatesHandlers,
  reportsHandlers,
  protectionHandlers,
  levelsHandlers,
  studiesHandlers,
);
