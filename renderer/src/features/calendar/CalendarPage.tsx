import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Autocomplete, Box, Button, IconButton, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useNavigate, useSearchParams } from 'react-router';
import { isValidIsoDate, todayInVietnam } from '../../../../shared/domain/dates';
import { addDays } from '../../../../shared/domain/days';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { Page } from '../../components/PageHeader';
import { foldFilter } from '../../components/fold-filter';
import { useLecturers, useVenues } from '../lecturers/queries';
import { daysFrom, firstOfMonth, mondayOf, monthGrid, shiftMonth, yearsBetween } from './calendar-range';
import type { DayInfo } from './calendar-types';
import { MonthView } from './MonthView';
import { useCalendarSessions, useHolidayYears } from './queries';
import { WeekView } from './WeekView';

type View = 'week' | 'month';
interface FilterOption {
  kind: 'all' | 'lecturer' | 'venue';
  id: number | null;
  label: string;
}
const ALL: FilterOption = { kind: 'all', id: null, label: 'Toàn trung tâm' };
const filterByLabel = foldFilter((o: FilterOption) => o.label);
const GROUPS = { all: '', lecturer: 'Giảng viên', venue: 'Địa điểm' } as const;

export function CalendarPage() {
  const navigate = useNavigate();
  // View, date and filter live in the address: opening a class and coming back returns to the same week.
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const dateParam = params.get('date') ?? '';
  const date = isValidIsoDate(dateParam) ? dateParam : today;
  const lecturerId = Number(params.get('lecturer')) || null;
  const venueId = lecturerId ? null : Number(params.get('venue')) || null;
  const update = (p: { view?: View; date?: string; filter?: FilterOption }) => {
    const next = new URLSearchParams(params);
    if (p.view) next.set('view', p.view);
    if (p.date) next.set('date', p.date);
    if (p.filter) {
      next.delete('lecturer');
      next.delete('venue');
      if (p.filter.kind !== 'all') next.set(p.filter.kind, String(p.filter.id));
    }
    setParams(next, { replace: true });
  };

  const days = view === 'week' ? daysFrom(mondayOf(date), 7) : monthGrid(date);
  const from = days[0]!;
  const to = days[days.length - 1]!;

  const sessions = useCalendarSessions({ from, to, lecturerId, venueId });
  const holidays = useHolidayYears(yearsBetween(from, to));
  // A handful of dates per year: rebuilt on each render rather than memoised.
  const off = new Map<string, string>();
  const working = new Set<string>();
  for (const h of holidays) {
    for (const d of h.data?.daysOff ?? []) off.set(d.date, d.name);
    for (const w of h.data?.workingDays ?? []) working.add(w.date);
  }
  const dayInfo = (iso: string): DayInfo => ({ offName: off.get(iso) ?? null, workingDay: working.has(iso) });

  const lecturers = useLecturers(true);
  const venues = useVenues(true);
  const options: FilterOption[] = [
    ALL,
    ...(lecturers.data ?? []).map((l) => ({
      kind: 'lecturer' as const,
      id: l.id,
      label: l.archivedAt ? `${l.fullName} (đã ngừng giảng dạy)` : l.fullName,
    })),
    ...(venues.data ?? []).map((v) => ({
      kind: 'venue' as const,
      id: v.id,
      label: v.archivedAt ? `${v.name} (đã ngừng sử dụng)` : v.name,
    })),
  ];
  const filter = options.find((o) => (o.kind === 'lecturer' && o.id === lecturerId) || (o.kind === 'venue' && o.id === venueId)) ?? ALL;

  const step = (n: number) => update({ date: view === 'week' ? addDays(mondayOf(date), 7 * n) : shiftMonth(date, n) });
  const unit = view === 'week' ? 'Tuần' : 'Tháng';
  const title =
    view === 'week' ? `Tuần từ ${formatDate(from)} đến ${formatDate(to)}` : `Tháng ${Number(date.slice(5, 7))} năm ${date.slice(0, 4)}`;
  const items = sessions.data ?? [];
  const inView = view === 'week' ? items : items.filter((s) => s.date.slice(0, 7) === date.slice(0, 7));
  const count =
    sessions.isPending || sessions.isPlaceholderData
      ? ''
      : inView.length === 0
        ? `Không có buổi học nào trong ${unit.toLowerCase()} này`
        : `${formatNumber(inView.length)} buổi học`;
  const error = sessions.error ?? holidays.find((h) => h.error)?.error;

  return (
    <Page maxWidth={1400} title="Lịch giảng dạy" subtitle="Các buổi học đã xếp của mọi lớp. Bấm vào một buổi để mở lớp đó.">
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1.5 }}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, v: View | null) => v && update({ view: v, date: v === 'month' ? firstOfMonth(date) : date })}
          aria-label="Kiểu xem"
        >
          <ToggleButton value="week">Tuần</ToggleButton>
          <ToggleButton value="month">Tháng</ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <IconButton aria-label={`${unit} trước`} onClick={() => step(-1)}>
            <ChevronLeftIcon />
          </IconButton>
          <Button variant="outlined" size="small" onClick={() => update({ date: view === 'month' ? firstOfMonth(today) : today })}>
            Hôm nay
          </Button>
          <IconButton aria-label={`${unit} sau`} onClick={() => step(1)}>
            <ChevronRightIcon />
          </IconButton>
        </Box>
        <Box sx={{ flexGrow: 1, minWidth: 220 }}>
          <Typography variant="h2" component="h2" aria-live="polite">
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {count}
          </Typography>
        </Box>
        <Autocomplete
          sx={{ width: 320 }}
          options={options}
          value={filter}
          disableClearable
          groupBy={(o) => GROUPS[o.kind]}
          getOptionLabel={(o) => o.label}
          filterOptions={filterByLabel}
          getOptionKey={(o) => `${o.kind}-${o.id ?? ''}`}
          isOptionEqualToValue={(a, b) => a.kind === b.kind && a.id === b.id}
          onChange={(_e, o) => update({ filter: o })}
          renderInput={(p) => <TextField {...p} label="Xem lịch của" />}
        />
      </Box>
      <ErrorAlert error={error} sx={{ mb: 1 }} />
      {view === 'week' ? (
        <WeekView days={days} items={items} dayInfo={dayInfo} today={today} onOpen={(s) => navigate(`/classes/${s.classId}`)} />
      ) : (
        <MonthView
          days={days}
          items={items}
          dayInfo={dayInfo}
          today={today}
          month={date}
          onOpen={(s) => navigate(`/classes/${s.classId}`)}
          onShowWeek={(d) => update({ view: 'week', date: d })}
        />
      )}
    </Page>
  );
}
