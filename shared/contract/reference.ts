import { z } from 'zod';
import { empty, type ChannelDef } from './common';

export const communeSchema = z.object({ code: z.string(), name: z.string(), provinceName: z.string() });
export const referenceChannels = {
  'reference.communes': { input: empty, output: z.array(communeSchema) },
} satisfies Record<string, ChannelDef>;
