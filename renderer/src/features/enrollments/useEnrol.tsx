import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { ApiError } from '../../api';
import { ReasonDialog } from '../../components/ReasonDialog';
import { storeEnrollments } from './queries';

export type AddResult = Output<'enrollments.add'>;
/** One add request, sent again unchanged apart from the override reason. */
type Send = (fitOverrideReason?: string) => Promise<AddResult>;

/**
 * Adding learners in two steps when needed: the core refuses people the program is not meant for
 * (FIT_WARNING, naming them) until the clerk writes why they may still study; the same request is
 * then sent again with that reason.
 */
export function useEnrol(onAdded: (result: AddResult) => void) {
  const queryClient = useQueryClient();
  const [fit, setFit] = useState<{ message: string; send: Send } | null>(null);
  const add = useMutation({
    mutationFn: (v: { send: Send; reason?: string }) => v.send(v.reason),
    onSuccess: (result) => {
      setFit(null);
      storeEnrollments(queryClient, result);
      onAdded(result);
    },
    onError: (err, v) => {
      if (err instanceof ApiError && err.code === 'FIT_WARNING' && v.reason === undefined) setFit({ message: err.message, send: v.send });
    },
  });
  const dialog = fit && (
    <ReasonDialog
      title="Có người không đúng đối tượng của chương trình"
      label="Lý do vẫn cho học"
      helperText="Ví dụ: theo công văn cử đi học của Đảng ủy xã; lý do được lưu vào hồ sơ học viên của lớp"
      confirmLabel="Vẫn cho học"
      busy={add.isPending}
      error={add.variables?.reason !== undefined && add.error ? add.error.message : null}
      onConfirm={(reason) => add.mutate({ send: fit.send, reason })}
      onClose={() => {
        setFit(null);
        add.reset();
      }}
    >
      {fit.message}
    </ReasonDialog>
  );
  return {
    submit: (send: Send) => add.mutate({ send }),
    pending: add.isPending,
    /** For the dialog that started the add; while the fit dialog is open it shows its own errors. */
    error: !fit && add.error ? add.error.message : null,
    dialog,
  };
}
