import { useMutation } from '@tanstack/react-query';
import type { Channel, Input, Output } from '../../../shared/contract';
import { call } from '../api';
import { downloadBase64 } from '../components/download';

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileKind = keyof typeof MIME;

interface FileOut {
  fileName: string;
  dataBase64: string;
}
/** Channels that answer with a file to save. */
export type FileChannel = { [C in Channel]: Output<C> extends FileOut ? C : never }[Channel];

/** Saves the file `channel` makes as soon as it arrives; the mutation remembers what it was asked with. */
export function useDownload<C extends FileChannel>(channel: C, kind: FileKind) {
  return useMutation<Output<C>, Error, Input<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: (output) => {
      const file = output as FileOut;
      downloadBase64(file.fileName, file.dataBase64, MIME[kind]);
    },
  });
}
