import type { z } from 'zod';
import { appChannels } from './app';
import { backupsChannels } from './backups';
import { centreChannels } from './centre';
import { programsChannels } from './programs';
import { learnersChannels } from './learners';
import { unitsChannels } from './units';
import { referenceChannels } from './reference';
import { importsChannels } from './imports';
import { lecturersChannels } from './lecturers';
import { plansChannels } from './plans';
import { classesChannels } from './classes';
import { timetableChannels } from './timetable';
import { calendarChannels } from './calendar';
import { holidaysChannels } from './holidays';
import { documentsChannels } from './documents';
import { enrollmentsChannels } from './enrollments';
import { attendanceChannels } from './attendance';
import { resultsChannels } from './results';
import { certificatesChannels } from './certificates';
import { reportsChannels } from './reports';
import { protectionChannels } from './protection';
import { levelsChannels } from './levels';
import { studiesChannels } from './studies';

export const contract = {
  ...appChannels,
  ...backupsChannels,
  ...centreChannels,
  ...programsChannels,
  ...learnersChannels,
  ...unitsChannels,
  ...referenceChannels,
  ...importsChannels,
  ...lecturersChannels,
  ...plansChannels,
  ...classesChannels,
  ...timetableChannels,
  ...calendarChannels,
  ...holidaysChannels,
  ...documentsChannels,
  ...enrollmentsChannels,
  ...attendanceChannels,
  ...resultsChannels,
  ...certificatesChannels,
  ...reportsChannels,
  ...protectionChannels,
  ...levelsChannels,
  ...studiesChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the renderer sends (before defaults and clean-up). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a service receives, after the schema cleaned it. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The shape both transports give the renderer (preload in Electron, init script in the browser host):
 * requests only. Long work is followed by polling its job (shared/contract/common.ts, jobStateSchema).
 */
export interface TtctBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}

export { zodIssuesToFields, WHOLE_INPUT, type Result, type AppErrorShape } from './common';
