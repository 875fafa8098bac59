import { Box, Paper, type SxProps, type Theme } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';

/** A <form>, so Enter in a field saves: the page's own submit instead of the browser's. */
export function FormBox(props: {
  onSubmit: () => void;
  /** Drawn as a Paper (a form standing on the page) rather than a bare box (in a dialog). */
  paper?: boolean;
  id?: string;
  'aria-label'?: string;
  noValidate?: boolean;
  sx?: SxProps<Theme>;
  children: ReactNode;
}) {
  const { onSubmit, paper, ...rest } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return paper ? <Paper component="form" {...rest} onSubmit={submit} /> : <Box component="form" {...rest} onSubmit={submit} />;
}
