import { CircularProgress } from '@mui/material';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material';
import { ErrorAlert } from './ErrorAlert';

/** A query's three states: a spinner while it loads, its error, or what `children` draws of its data. */
export function QueryView<T>(props: {
  query: UseQueryResult<T, Error>;
  children: (data: T) => ReactNode;
  errorSx?: SxProps<Theme>;
  /** Shown while loading; a small spinner by default. */
  loading?: ReactNode;
}) {
  const { query } = props;
  if (query.isError) return <ErrorAlert error={query.error} sx={props.errorSx} />;
  if (query.data === undefined) return props.loading === undefined ? <CircularProgress size={24} /> : props.loading;
  return props.children(query.data);
}
