import { z } from 'zod';
import type { ChannelDef } from './common';

export const communeSchema = z.object({ code: z.string(), name: z.string(), provinceName: z.string() });
export const referenceChannels = {
  'reference.communes': { input: z.object({}).strict(), output: z.array(communeSchema) },
} satisfies Record<string, ChannelDef>;
