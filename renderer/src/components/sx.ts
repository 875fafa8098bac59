import type { SxProps, Theme } from '@mui/material';

/** A caller's `sx` as items to append after a component's own styles (MUI merges an array in order). */
export function sxList(sx: SxProps<Theme> | undefined) {
  if (sx === undefined) return [];
  return Array.isArray(sx)
    ? (sx as readonly Exclude<SxProps<Theme>, readonly unknown[]>[])
    : [sx as Exclude<SxProps<Theme>, readonly unknown[]>];
}
