import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Divider, Grid, IconButton, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { weekdayName } from '../../../../shared/domain/days';
import { formatDate } from '../../../../shared/domain/format';
import type { Output } from '../../../../shared/contract';
import { RemoveDialog, useRemoval } from '../../components/RemoveDialog';
import { Page } from '../../components/PageHeader';
import { YearSelector } from '../../components/YearSelector';
import { AdjustmentForm } from './AdjustmentForm';
import { DayTable } from './DayTable';
import { ADJUSTMENT_LABELS, lunarNote } from './holiday-labels';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { useHolidayYear, useRemoveAdjustment } from './queries';
import { EmptyRow } from '../../components/EmptyRow';

type Adjustment = Output<'holidays.year'>['adjustments'][number];

function Section({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Paper sx={{ mb: 2 }}>
      <Box sx={{ px: 2, pt: 1.5, pb: 1 }}>
        <Typography variant="h2" component="h2">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            {subtitle}
          </Typography>
        )}
      </Box>
      {children}
    </Paper>
  );
}

export function HolidaysPage() {
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const data = useHolidayYear(year);
  const removal = useRemoval<Adjustment>(useRemoveAdjustment);
  const removing = removal.target;
  const d = data.data;

  return (
    <Page
      maxWidth={1200}
      title="Ngày nghỉ lễ"
      subtitle="Ngày nghỉ theo luật và theo thông báo hằng năm. Khi xếp lịch học, phần mềm bỏ qua các ngày nghỉ và dùng cả các ngày làm bù."
      actions={<YearSelector year={year} onChange={setYear} />}
    >
      <ErrorAlert error={data.error} sx={{ mb: 2 }} />
      <ErrorAlert error={removal.error} sx={{ mb: 2 }} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Section title="Ngày nghỉ theo Bộ luật Lao động" subtitle={`Điều 112 Bộ luật Lao động 2019, tính sẵn cho năm ${year}.`}>
            <DayTable
              label={`Ngày nghỉ theo Bộ luật Lao động năm ${year}`}
              rows={d?.defaults ?? []}
              nameHeader="Tên"
              empty="Đang tải…"
              name={(h) => (
                <>
                  {h.name}
                  {lunarNote(h.date, h.name) && (
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 0.75 }}>
                      {lunarNote(h.date, h.name)}
                    </Typography>
                  )}
                </>
              )}
            />
          </Section>
          <Section
            title="Điều chỉnh theo thông báo của năm"
            subtitle="Ngày nghỉ Tết, nghỉ bù, ngày làm bù… theo thông báo của Chính phủ hoặc cấp ủy; thông báo luôn được ưu tiên hơn ngày mặc định."
          >
            <Table size="small" aria-label={`Điều chỉnh năm ${year}`}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 110 }}>Ngày</TableCell>
                  <TableCell sx={{ width: 100 }}>Thứ</TableCell>
                  <TableCell sx={{ width: 110 }}>Loại</TableCell>
                  <TableCell>Ghi chú</TableCell>
                  <TableCell sx={{ width: 56 }} />
                </TableRow>
              </TableHead>
              <TableBody>
                {(d?.adjustments ?? []).map((a) => (
                  <TableRow key={a.id} hover>
                    <TableCell>{formatDate(a.date)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{weekdayName(a.date)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{ADJUSTMENT_LABELS[a.kind]}</TableCell>
                    <TableCell>{a.name}</TableCell>
                    <TableCell align="right" sx={{ py: 0 }}>
                      <IconButton size="small" aria-label={`Xóa ngày ${formatDate(a.date)}`} onClick={() => removal.ask(a)}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                ))}
                {d?.adjustments.length === 0 && (
                  <EmptyRow colSpan={5} variant="body2">
                    Chưa có điều chỉnh nào cho năm {year}: đang dùng các ngày nghỉ mặc định.
                  </EmptyRow>
                )}
              </TableBody>
            </Table>
            <Divider />
            <Box sx={{ p: 2 }}>
              {/* Only once the core has accepted the year: the lunar tables cover a bounded range of years. */}
              {d && <AdjustmentForm key={year} year={year} />}
            </Box>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Section title="Các ngày nghỉ thực tế của năm" subtitle="Lịch học không xếp vào các ngày này.">
            <DayTable
              label={`Các ngày nghỉ thực tế năm ${year}`}
              rows={d?.daysOff ?? []}
              nameHeader="Tên"
              empty={d ? 'Không có ngày nghỉ nào.' : 'Đang tải…'}
              name={(h) => h.name}
            />
          </Section>
          <Section title="Ngày làm bù" subtitle="Ngày cuối tuần đi làm; lịch học được xếp vào các ngày này.">
            <DayTable
              label={`Ngày làm bù năm ${year}`}
              rows={d?.workingDays ?? []}
              nameHeader="Ghi chú"
              empty={d ? `Năm ${year} không có ngày làm bù.` : 'Đang tải…'}
              name={(w) => w.name ?? ''}
            />
          </Section>
        </Grid>
      </Grid>
      <RemoveDialog removal={removal} title="Xóa ngày điều chỉnh?">
        {removing &&
          `Ngày ${formatDate(removing.date)} (${ADJUSTMENT_LABELS[removing.kind]}) sẽ bị xóa khỏi bảng điều chỉnh và trở lại như mặc định. Lịch học đã lưu không tự thay đổi.`}
      </RemoveDialog>
    </Page>
  );
}
