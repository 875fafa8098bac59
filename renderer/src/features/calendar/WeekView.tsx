import { Box, ButtonBase, Typography } from '@mui/material';
import { alpha, type Theme } from '@mui/material/styles';
import { HALF_LABELS, weekday, weekdayName, type Half } from '../../../../shared/domain/days';
import { classColour, dayMonth, sessionKey } from './calendar-range';
import { CalendarTable } from './CalendarTable';
import type { CalendarItem, DayInfo, ViewProps } from './calendar-types';

const HALVES: Half[] = ['sang', 'chieu'];

/** Shading shared by header and cells: days off first (they win over weekends), then weekends. */
export function dayBackground(info: DayInfo, iso: string) {
  const weekend = weekday(iso) === 0 || weekday(iso) === 6;
  if (info.offName) return (t: Theme) => alpha(t.palette.primary.main, 0.07);
  if (weekend && !info.workingDay) return 'grey.100';
  return 'background.paper';
}

/** Topics can be long: cut to a few lines, the full text stays in the tooltip. */
const clamp = (lines: number) =>
  ({ display: '-webkit-box', WebkitLineClamp: lines, WebkitBoxOrient: 'vertical', overflow: 'hidden' }) as const;

function SessionCard({ item, onOpen }: { item: CalendarItem; onOpen: (item: CalendarItem) => void }) {
  return (
    <ButtonBase
      onClick={() => onOpen(item)}
      title={[item.className, item.title, item.lecturerName, item.venueName].filter(Boolean).join('\n')}
      focusRipple
      sx={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        p: 0.75,
        borderRadius: 1,
        border: 1,
        borderColor: 'divider',
        borderLeft: `4px solid ${classColour(item.classId)}`,
        bgcolor: 'background.paper',
        '&:hover': { bgcolor: 'action.hover' },
      }}
    >
      <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
        {item.className}
      </Typography>
      <Typography variant="body2" sx={{ lineHeight: 1.3, mt: 0.25, ...clamp(2) }}>
        {item.title}
      </Typography>
      {item.lecturerName && (
        <Typography variant="caption" component="div" color="text.secondary" noWrap sx={{ mt: 0.25 }}>
          {item.lecturerName}
        </Typography>
      )}
      {item.venueName && (
        <Typography variant="caption" component="div" color="text.secondary" noWrap>
          {item.venueName}
        </Typography>
      )}
    </ButtonBase>
  );
}

export function WeekView({ days, items, dayInfo, today, onOpen }: ViewProps) {
  const byHalf = new Map<string, CalendarItem[]>();
  for (const item of items) {
    const key = sessionKey(item.date, item.half);
    byHalf.set(key, [...(byHalf.get(key) ?? []), item]);
  }
  return (
    <CalendarTable label="Lịch giảng dạy trong tuần" columns="64px repeat(7, minmax(0, 1fr))">
      <Box role="row" sx={{ display: 'contents' }}>
        <Box role="columnheader" aria-label="Buổi" />
        {days.map((d) => {
          const info = dayInfo(d);
          const isToday = d === today;
          return (
            <Box
              key={d}
              role="columnheader"
              aria-current={isToday ? 'date' : undefined}
              sx={{
                p: 1,
                textAlign: 'center',
                bgcolor: isToday ? 'primary.main' : dayBackground(info, d),
                color: isToday ? 'primary.contrastText' : 'text.primary',
              }}
            >
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {weekdayName(d)}
              </Typography>
              <Typography variant="body2">{dayMonth(d)}</Typography>
              {info.offName && (
                <Typography
                  variant="caption"
                  component="div"
                  sx={{ color: isToday ? 'inherit' : 'primary.main', fontWeight: 500, lineHeight: 1.2 }}
                >
                  {info.offName}
                </Typography>
              )}
              {info.workingDay && (
                <Typography variant="caption" component="div" sx={{ color: isToday ? 'inherit' : 'text.secondary' }}>
                  Ngày làm bù
                </Typography>
              )}
            </Box>
          );
        })}
      </Box>
      {HALVES.map((half) => (
        <Box key={half} role="row" sx={{ display: 'contents' }}>
          <Box role="rowheader" sx={{ display: 'grid', placeItems: 'center', bgcolor: 'grey.50' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {HALF_LABELS[half]}
            </Typography>
          </Box>
          {days.map((d) => {
            const cell = byHalf.get(sessionKey(d, half)) ?? [];
            return (
              <Box
                key={d}
                role="cell"
                sx={{
                  p: 0.75,
                  minHeight: 150,
                  display: 'flex',
                  flexDirection: 'column',
                  gap: 0.75,
                  bgcolor: dayBackground(dayInfo(d), d),
                  ...(d === today ? { boxShadow: (t: Theme) => `inset 0 0 0 2px ${alpha(t.palette.primary.main, 0.5)}` } : {}),
                }}
              >
                {cell.map((item, i) => (
                  <SessionCard key={`${item.classId}-${i}`} item={item} onOpen={onOpen} />
                ))}
              </Box>
            );
          })}
        </Box>
      ))}
    </CalendarTable>
  );
}
