import type { z } from 'zod';
import { appChannels } from './app';
import { centreChannels } from './centre';
import { programsChannels } from './programs';
import { learnersChannels, referenceChannels, unitsChannels } from './learners';
import { importsChannels } from './imports';
import { lecturersChannels } from './lecturers';
import { plansChannels } from './plans';
import { classesChannels } from './classes';
import { holidaysChannels } from './holidays';
import { documentsChannels } from './documents';
import { enrollmentsChannels } from './enrollments';
import { certificatesChannels } from './certificates';
import { reportsChannels } from './reports';
import { protectionChannels } from './protection';
import { levelsChannels } from './levels';
import { studiesChannels } from './studies';

export const contract = {
  ...appChannels,
  ...centreChannels,
  ...programsChannels,
  ...learnersChannels,
  ...unitsChannels,
  ...referenceChannels,
  ...importsChannels,
  ...lecturersChannels,
  ...plansChannels,
  ...classesChannels,
  ...holidaysChannels,
  ...documentsChannels,
  ...enrollmentsChannels,
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

/** The shape both transports give the renderer (preload in Electron, init script in the browser host). */
export interface TtctBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export { zodIssuesToFields, WHOLE_INPUT, type Result, type AppErrorShape } from './common';
