import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Input, Output } from '../../../../shared/contract';
import { ApiError } from '../../api';
import { ReasonDialog } from '../../components/ReasonDialog';

export type AddResult = Output<'enrollments.add'>;
type AddInput = Input<'enrollments.add'> | Input<'enrollments.addUnit'>;
/** useAddLearners or useAddUnit: one add request, sent again unchanged apart from the override reason. */
type AddHook<I> = (options: {
  onSuccess: (result: AddResult) => void;
  onError: (err: Error, input: I) => void;
}) => UseMutationResult<AddResult, Error, I>;

/**
 * Adding learners in two steps when needed: the core refuses people the program is not meant for
 * (FIT_WARNING, naming them) until the clerk writes why they may still study; the same request is
 * then sent again with that reason.
 */
export function useEnrol<I extends AddInput>(useAdd: AddHook<I>, onAdded: (result: AddResult) => void) {
  const [fit, setFit] = useState<{ message: string; input: I } | null>(null);
  const add = useAdd({
    onSuccess: (result) => {
      setFit(null);
      onAdded(result);
    },
    onError: (err, input) => {
      if (err instanceof ApiError && err.code === 'FIT_WARNING' && input.fitOverrideReason === undefined)
        setFit({ message: err.message, input });
    },
  });
  const dialog = fit && (
    <ReasonDialog
      title="Có người không đúng đối tượng của chương trình"
      label="Lý do vẫn cho học"
      helperText="Ví dụ: theo công văn cử đi học của Đảng ủy xã; lý do được lưu vào hồ sơ học viên của lớp"
      confirmLabel="Vẫn cho học"
      busy={add.isPending}
      error={add.variables?.fitOverrideReason !== undefined && add.error ? add.error.message : null}
      onConfirm={(reason) => add.mutate({ ...fit.input, fitOverrideReason: reason })}
      onClose={() => {
        setFit(null);
        add.reset();
      }}
    >
      {fit.message}
    </ReasonDialog>
  );
  return {
    submit: (input: I) => add.mutate(input),
    pending: add.isPending,
    /** For the dialog that started the add; while the fit dialog is open it shows its own errors. */
    error: !fit && add.error ? add.error.message : null,
    dialog,
  };
}
