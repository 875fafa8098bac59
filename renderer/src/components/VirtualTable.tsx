import { Box, styled, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

// Rows and cells are styled once here, with what changes per row (position, columns) as inline style: an
// `sx` per row made emotion serialise and insert a new rule for every row on every scroll, which was most of
// the time the registry took to show its first rows.
const Row = styled('div')(({ theme }) => ({
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  display: 'grid',
  alignItems: 'center',
  padding: theme.spacing(0, 2),
  fontSize: 14,
  borderBottom: `1px solid ${theme.palette.divider}`,
  cursor: 'default',
  '&[data-openable]': { cursor: 'pointer' },
  '&:hover': { backgroundColor: theme.palette.action.hover },
  '&:focus-visible': { backgroundColor: theme.palette.action.hover, outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
}));

const Cell = styled('div')(({ theme }) => ({
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  paddingRight: theme.spacing(1),
}));

export interface VirtualColumn<T> {
  label: string;
  width: string;
  render: (row: T) => ReactNode;
}

/**
 * A table that renders only the rows on screen, so a list of hundreds of thousands scrolls smoothly.
 * `onNearEnd` asks for the next page when the last loaded row comes into view.
 */
export function VirtualTable<T>(props: {
  label: string;
  columns: VirtualColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  onOpen?: (row: T) => void;
  hasMore?: boolean;
  onNearEnd?: () => void;
  empty?: ReactNode;
  rowHeight?: number;
}) {
  const rowHeight = props.rowHeight ?? 44;
  const grid = props.columns.map((c) => c.width).join(' ');
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns new functions each render by design; the app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.rows.length + (props.hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { onNearEnd, hasMore } = props;
  const loaded = props.rows.length;
  useEffect(() => {
    if (hasMore && lastIndex >= loaded - 1) onNearEnd?.();
  }, [lastIndex, loaded, hasMore, onNearEnd]);

  return (
    <Box
      role="grid"
      aria-label={props.label}
      aria-rowcount={props.rows.length + 1}
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 }}
    >
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: grid,
          px: 2,
          py: 1,
          fontWeight: 600,
          fontSize: 14,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        {props.columns.map((c) => (
          <div key={c.label} role="columnheader">
            {c.label}
          </div>
        ))}
      </Box>
      <Box ref={scrollRef} role="rowgroup" sx={{ flexGrow: 1, overflow: 'auto', position: 'relative' }}>
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = props.rows[item.index];
            return (
              <Row
                key={item.key}
                role="row"
                tabIndex={r ? 0 : -1}
                onClick={() => r && props.onOpen?.(r)}
                onKeyDown={(e) => e.key === 'Enter' && r && props.onOpen?.(r)}
                data-openable={r && props.onOpen ? '' : undefined}
                style={{ height: rowHeight, transform: `translateY(${item.start}px)`, gridTemplateColumns: grid }}
              >
                {r ? (
                  props.columns.map((c) => (
                    <Cell key={c.label} role="gridcell">
                      {c.render(r)}
                    </Cell>
                  ))
                ) : (
                  <Typography variant="body2" color="text.secondary">
                    Đang tải…
                  </Typography>
                )}
              </Row>
            );
          })}
        </Box>
        {props.rows.length === 0 && !props.hasMore && props.empty}
      </Box>
    </Box>
  );
}
