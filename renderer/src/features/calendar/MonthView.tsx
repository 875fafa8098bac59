import { Box, ButtonBase, Link, Typography } from '@mui/material';
import { HALF_LABELS, weekdayName } from '../../../../shared/domain/days';
import { classColour, splitClassName } from './calendar-range';
import { CalendarTable } from './CalendarTable';
import type { CalendarItem, ViewProps } from './calendar-types';
import { dayBackground } from './WeekView';

const SHOWN_PER_DAY = 3;

function detail(item: CalendarItem): string {
  return [item.className, item.title, item.lecturerName, item.venueName].filter(Boolean).join(' — ');
}

function CompactLine({ item }: { item: CalendarItem }) {
  const { head, tail } = splitClassName(item.className);
  return (
    <Typography variant="caption" component="div" sx={{ display: 'flex', whiteSpace: 'nowrap', minWidth: 0 }}>
      <Box component="b" sx={{ flexShrink: 0 }}>
        {item.half === 'sang' ? 'S' : 'C'}
      </Box>
      <Box component="span" sx={{ flexShrink: 0, px: 0.5 }}>
        ·
      </Box>
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>
        {head}
      </Box>
      {tail && (
        <Box component="span" sx={{ flexShrink: 0, pl: 0.5 }}>
          {tail}
        </Box>
      )}
    </Typography>
  );
}

export function MonthView({
  days,
  items,
  dayInfo,
  today,
  onOpen,
  month,
  onShowWeek,
}: ViewProps & { month: string; onShowWeek: (iso: string) => void }) {
  const byDay = new Map<string, CalendarItem[]>();
  for (const item of items) byDay.set(item.date, [...(byDay.get(item.date) ?? []), item]);
  const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  return (
    <CalendarTable label="Lịch giảng dạy trong tháng" columns="repeat(7, minmax(0, 1fr))">
      <Box role="row" sx={{ display: 'contents' }}>
        {weeks[0]!.map((d) => (
          <Box key={d} role="columnheader" sx={{ p: 0.75, textAlign: 'center', bgcolor: 'grey.50' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {weekdayName(d)}
            </Typography>
          </Box>
        ))}
      </Box>
      {weeks.map((week) => (
        <Box key={week[0]} role="row" sx={{ display: 'contents' }}>
          {week.map((d) => {
            const info = dayInfo(d);
            const list = byDay.get(d) ?? [];
            const inMonth = d.slice(0, 7) === month.slice(0, 7);
            const isToday = d === today;
            const dayNumber = Number(d.slice(8, 10));
            return (
              <Box
                key={d}
                role="cell"
                aria-current={isToday ? 'date' : undefined}
                sx={{ p: 0.5, minHeight: 96, minWidth: 0, bgcolor: dayBackground(info, d), opacity: inMonth ? 1 : 0.55 }}
              >
                <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, mb: 0.25, minWidth: 0 }}>
                  <Typography
                    variant="body2"
                    sx={{
                      fontWeight: 600,
                      px: 0.5,
                      borderRadius: 1,
                      flexShrink: 0,
                      ...(isToday ? { bgcolor: 'primary.main', color: 'primary.contrastText' } : {}),
                    }}
                  >
                    {/* The month is spelled out where it changes, so the dimmed days of the neighbours are not misread. */}
                    {dayNumber === 1 || !inMonth ? `${dayNumber}/${Number(d.slice(5, 7))}` : dayNumber}
                  </Typography>
                  {(info.offName || info.workingDay) && (
                    <Typography
                      variant="caption"
                      title={info.offName ?? 'Ngày làm bù'}
                      sx={{
                        color: info.offName ? 'primary.main' : 'text.secondary',
                        fontWeight: 500,
                        minWidth: 0,
                        lineHeight: 1.25,
                        // Lines its first row up with the larger day number beside it.
                        pt: '3px',
                        display: '-webkit-box',
                        WebkitLineClamp: 2,
                        WebkitBoxOrient: 'vertical',
                        overflow: 'hidden',
                      }}
                    >
                      {info.offName ?? 'Làm bù'}
                    </Typography>
                  )}
                </Box>
                {list.slice(0, SHOWN_PER_DAY).map((item, i) => (
                  <ButtonBase
                    key={`${item.classId}-${item.half}-${i}`}
                    onClick={() => onOpen(item)}
                    title={detail(item)}
                    aria-label={`${HALF_LABELS[item.half]}: ${detail(item)}`}
                    focusRipple
                    sx={{
                      display: 'block',
                      width: '100%',
                      textAlign: 'left',
                      px: 0.5,
                      py: 0.125,
                      mb: 0.25,
                      borderRadius: 0.5,
                      borderLeft: `3px solid ${classColour(item.classId)}`,
                      bgcolor: 'background.paper',
                      '&:hover': { bgcolor: 'action.hover' },
                    }}
                  >
                    <CompactLine item={item} />
                  </ButtonBase>
                ))}
                {list.length > SHOWN_PER_DAY && (
                  <Link component="button" variant="caption" onClick={() => onShowWeek(d)} sx={{ pl: 0.5 }}>
                    +{list.length - SHOWN_PER_DAY} buổi nữa
                  </Link>
                )}
              </Box>
            );
          })}
        </Box>
      ))}
    </CalendarTable>
  );
}
