import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, Step, StepLabel, Stepper, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Output } from '../../../../shared/contract';
import type { ColumnMapping, FontChoice, ImportRow } from '../../../../shared/contract/imports';
import { formatNumber } from '../../../../shared/domain/format';
import { ApiError } from '../../api';
import { downloadBase64 } from '../../components/download';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useFilePicker } from '../../components/useFilePicker';
import { VirtualTable } from '../../components/VirtualTable';
import { checkColumns } from './check-columns';
import { LegacyFontNotice } from './LegacyFontNotice';
import { MappingStep } from './MappingStep';
import {
  useAnalyzeImport,
  useClassList,
  useCommitImport,
  useImportProblemsFile,
  useOpenImportFile,
  useSetImportRowAction,
  useUpdateImportRow,
} from './queries';
import { RowDialog } from './RowDialog';

type Opened = Output<'imports.open'>;
type Analysis = Output<'imports.analyze'>;
type Filter = ImportRow['status'] | 'skip' | 'all';

const STEPS = ['Chọn tệp', 'Chọn cột', 'Kiểm tra và sửa', 'Hoàn tất'];

function message(err: unknown): string {
  return err instanceof ApiError ? err.message : 'Đã xảy ra lỗi không mong muốn.';
}

export function ImportPage() {
  const navigate = useNavigate();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [firstDataRow, setFirstDataRow] = useState('1');
  const [defaultUnitId, setDefaultUnitId] = useState<number | null>(null);
  // Per sheet: a list in an old font waits for the clerk's choice before anything can be written.
  const [fontChoice, setFontChoice] = useState<FontChoice | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<ImportRow | null>(null);
  // Opened from a class's enrolment tab, the import also enrols everyone into that class, in one step.
  const [params] = useSearchParams();
  const [classId, setClassId] = useState<number | null>(Number(params.get('classId')) || null);
  const [overrideReason, setOverrideReason] = useState('');
  const classes = useClassList();
  const enrolable = (classes.data ?? []).filter((c) => ['planned', 'opened', 'running'].includes(c.status) || c.id === classId);
  const targetClass = enrolable.find((c) => c.id === classId) ?? null;

  const chooseSheet = (o: Opened, index: number) => {
    const s = o.sheets.find((x) => x.index === index)!;
    setSheetIndex(index);
    setFontChoice(null);
    setMapping(s.columns.map((c) => c.mapping));
    setFirstDataRow(String(s.firstDataRow));
  };

  const open = useOpenImportFile({
    onSuccess: (o) => {
      setOpened(o);
      setAnalysis(null);
      chooseSheet(o, o.suggestedSheet);
    },
  });
  const picker = useFilePicker({ accept: '.xlsx,.xlsm,.csv,.xls', label: 'Tệp danh sách', onFile: (f) => open.mutate(f) });
  const analyze = useAnalyzeImport({
    onSuccess: (a) => {
      setAnalysis(a);
      setRows(a.rows);
      setFilter(a.rows.some((r) => r.status === 'error') ? 'error' : 'all');
    },
  });
  const runAnalysis = (choice: FontChoice | null) =>
    analyze.mutate({
      sessionId: opened!.sessionId,
      sheet: sheetIndex,
      firstDataRow: /^\d+$/.test(firstDataRow) && Number(firstDataRow) > 0 ? Number(firstDataRow) : 1,
      mapping,
      defaultUnitId,
      ...(choice ? { fontChoice: choice } : {}),
    });
  const replaceRows = (changed: ImportRow[]) => {
    const byNumber = new Map(changed.map((r) => [r.rowNumber, r]));
    setRows((all) => all.map((x) => byNumber.get(x.rowNumber) ?? x));
  };
  const replaceRow = (r: ImportRow) => replaceRows([r]);
  const update = useUpdateImportRow({
    onSuccess: (changed, p) => {
      replaceRows(changed);
      const edited = changed.find((r) => r.rowNumber === p.rowNumber);
      setEditing(edited && edited.status === 'error' ? edited : null);
    },
  });
  const setAction = useSetImportRowAction({ onSuccess: replaceRow });
  const problems = useImportProblemsFile({ onSuccess: (f) => downloadBase64(f.fileName, f.dataBase64) });
  const commit = useCommitImport({
    // The registry changed underneath: the core re-checked every row; show the new result.
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'IMPORT_STALE') runAnalysis(fontChoice);
    },
  });
  const session = () => ({ sessionId: opened!.sessionId });
  const commitImport = () =>
    commit.mutate({
      ...session(),
      ...(classId ? { enrol: { classId, ...(overrideReason.trim() ? { fitOverrideReason: overrideReason.trim() } : {}) } } : {}),
    });

  const counts = useMemo(() => {
    const c = { all: rows.length, new: 0, same: 0, duplicate: 0, error: 0, skip: 0 };
    for (const r of rows) {
      if (r.action === 'skip') c.skip++;
      else c[r.status]++;
    }
    return c;
  }, [rows]);
  const shown = useMemo(
    () =>
      rows.filter((r) => (filter === 'all' ? true : filter === 'skip' ? r.action === 'skip' : r.action !== 'skip' && r.status === filter)),
    [rows, filter],
  );
  // Sex read from x marks under Nam | Nữ is one «Giới tính» value to correct, like a sex column.
  const mappedFields = useMemo(() => [...new Set(mapping.flatMap((m) => (m.field ? [m.field] : [])))], [mapping]);
  const legacySheet = opened?.sheets.find((s) => s.index === sheetIndex);
  const step = commit.isSuccess ? 3 : analysis ? 2 : opened ? 1 : 0;

  const onAction = setAction.mutate;
  const sessionId = opened?.sessionId;
  const columns = useMemo(
    () =>
      checkColumns(rows, (rowNumber, action) => {
        if (sessionId !== undefined) onAction({ sessionId, rowNumber, action });
      }),
    [rows, onAction, sessionId],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 'calc(100vh - 130px)' }}>
      <PageHeader
        title="Nhập danh sách học viên từ Excel"
        subtitle="Danh sách do chi bộ gửi (.xlsx hoặc .csv). Kiểm tra trước, sửa hoặc bỏ qua dòng lỗi, rồi mới ghi vào sổ: ghi tất cả hoặc không ghi gì."
        actions={<Button onClick={() => navigate('/learners')}>Về danh sách học viên</Button>}
      />
      <Stepper activeStep={step} sx={{ mb: 3 }}>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{s}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {picker.input}
      {step === 0 && (
        <Paper sx={{ p: 4, textAlign: 'center' }}>
          <Button size="large" variant="contained" startIcon={<UploadFileIcon />} onClick={() => picker.open()} disabled={open.isPending}>
            Chọn tệp danh sách
          </Button>
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            Tệp .xlsx hoặc .csv, tối đa 20 MB và 50.000 dòng. Dòng tiêu đề có thể nằm dưới quốc hiệu, tên văn bản.
          </Typography>
        </Paper>
      )}
      <ErrorAlert error={open.isError && message(open.error)} sx={{ mb: 2 }} />
      {step === 1 && opened && (
        <>
          <Typography sx={{ mb: 1 }}>
            Tệp <b>{opened.fileName}</b>
            {opened.encoding && opened.encoding !== 'utf-8' ? ` (đọc theo bảng mã ${opened.encoding})` : ''}.{' '}
            <Button size="small" onClick={() => picker.open()}>
              Chọn tệp khác
            </Button>
          </Typography>
          <MappingStep
            sheets={opened.sheets}
            sheetIndex={sheetIndex}
            onSheet={(i) => chooseSheet(opened, i)}
            mapping={mapping}
            onMapping={setMapping}
            firstDataRow={firstDataRow}
            onFirstDataRow={setFirstDataRow}
            defaultUnitId={defaultUnitId}
            onDefaultUnit={setDefaultUnitId}
            fontChoice={fontChoice}
            onFontChoice={setFontChoice}
            onAnalyze={() => runAnalysis(fontChoice)}
            busy={analyze.isPending}
            error={analyze.isError ? message(analyze.error) : null}
          />
        </>
      )}
      {step === 2 && analysis && (
        <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
          <Typography sx={{ mb: 1 }}>
            Tệp <b>{opened?.fileName}</b>, trang tính <b>«{analysis.sheetName}»</b>: ô ghi trong cột «Vấn đề» (ví dụ C10) là cột và dòng
            trong trang tính này.
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
            {(
              [
                ['all', `Tất cả ${formatNumber(counts.all)}`],
                ['new', `Người mới ${formatNumber(counts.new)}`],
                ['same', `Đã có trong sổ ${formatNumber(counts.same)}`],
                ['duplicate', `Có thể trùng ${formatNumber(counts.duplicate)}`],
                ['error', `Lỗi ${formatNumber(counts.error)}`],
                ['skip', `Bỏ qua ${formatNumber(counts.skip)}`],
              ] as [Filter, string][]
            ).map(([f, label]) => (
              <Chip
                key={f}
                label={label}
                color={f === 'error' && counts.error > 0 ? 'error' : f === filter ? 'primary' : 'default'}
                variant={f === filter ? 'filled' : 'outlined'}
                onClick={() => setFilter(f)}
              />
            ))}
            {analysis.newUnits.length > 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ pl: 1 }}>
                Sẽ thêm đơn vị mới: {analysis.newUnits.join('; ')}
              </Typography>
            )}
          </Stack>
          {legacySheet?.legacyFont && (
            <Box sx={{ mb: 1.5, mt: -2 }}>
              <LegacyFontNotice
                legacyFont={legacySheet.legacyFont}
                choice={fontChoice}
                busy={analyze.isPending}
                onChoose={(c) => {
                  setFontChoice(c);
                  runAnalysis(c);
                }}
              />
            </Box>
          )}
          <Paper sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minHeight: 360 }}>
            <VirtualTable
              label="Các dòng trong tệp"
              columns={columns}
              rows={shown}
              rowKey={(r) => r.rowNumber}
              onOpen={(r) => setEditing(r)}
              empty={
                <Typography sx={{ p: 2 }} color="text.secondary">
                  Không có dòng nào ở mục này.
                </Typography>
              }
            />
          </Paper>
          {commit.isError && (
            <Alert severity={commit.error instanceof ApiError && commit.error.code === 'FIT_WARNING' ? 'warning' : 'error'} sx={{ mt: 2 }}>
              {message(commit.error)}
            </Alert>
          )}
          <Box sx={{ display: 'flex', gap: 2, mt: 2, alignItems: 'flex-start' }}>
            <TextField
              select
              size="small"
              label="Ghi danh vào lớp"
              value={classId ?? ''}
              onChange={(e) => setClassId(e.target.value === '' ? null : Number(e.target.value))}
              sx={{ width: 520, flexShrink: 0 }}
              slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
              helperText={targetClass ? 'Mọi người trong tệp được ghi danh cùng lúc với khi nhập vào sổ.' : 'Chỉ nhập vào sổ học viên.'}
            >
              <MenuItem value="">Không ghi danh</MenuItem>
              {enrolable.map((c) => (
                <MenuItem key={c.id} value={c.id}>
                  {c.name}
                </MenuItem>
              ))}
            </TextField>
            {targetClass && commit.error instanceof ApiError && commit.error.code === 'FIT_WARNING' && (
              <TextField
                size="small"
                label="Lý do vẫn cho học"
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.target.value)}
                sx={{ flexGrow: 1 }}
                slotProps={{ htmlInput: { maxLength: 500 } }}
              />
            )}
          </Box>
          <Box sx={{ display: 'flex', gap: 2, mt: 2, alignItems: 'center' }}>
            <Button onClick={() => setAnalysis(null)}>Quay lại chọn cột</Button>
            <Button onClick={() => problems.mutate(session())} disabled={problems.isPending}>
              Lưu danh sách vấn đề (.xlsx)
            </Button>
            <Box sx={{ flexGrow: 1 }} />
            {analysis.fontUndecided && (
              <Typography variant="body2" color="error">
                Hãy chọn chuyển sang Unicode hoặc giữ nguyên phông chữ trước khi nhập.
              </Typography>
            )}
            {counts.error > 0 && (
              <Typography variant="body2" color="error">
                Còn {formatNumber(counts.error)} dòng lỗi: hãy sửa hoặc bỏ qua trước khi nhập.
              </Typography>
            )}
            <Button variant="contained" onClick={commitImport} disabled={counts.error > 0 || analysis.fontUndecided || commit.isPending}>
              Nhập vào sổ
            </Button>
          </Box>
        </Box>
      )}
      {step === 3 && commit.data && (
        <Paper sx={{ p: 3 }}>
          <Alert severity="success" sx={{ mb: 2 }}>
            Đã nhập xong: thêm {formatNumber(commit.data.created)} người mới, gắn {formatNumber(commit.data.linked)} dòng vào hồ sơ đã có
            {commit.data.filled ? ` (bổ sung thông tin cho ${formatNumber(commit.data.filled)} hồ sơ)` : ''}, bỏ qua{' '}
            {formatNumber(commit.data.skipped)} dòng
            {commit.data.unitsCreated ? `, thêm ${formatNumber(commit.data.unitsCreated)} đơn vị` : ''}
            {commit.data.enrolled && targetClass ? `; ghi danh ${formatNumber(commit.data.enrolled)} học viên vào ${targetClass.name}` : ''}
            .
          </Alert>
          {commit.data.capacityWarning && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {commit.data.capacityWarning}
            </Alert>
          )}
          {targetClass && (
            <Button variant="contained" onClick={() => navigate(`/classes/${targetClass.id}?tab=hoc-vien`)} sx={{ mr: 1 }}>
              Về lớp
            </Button>
          )}
          <Button variant="contained" onClick={() => navigate('/learners')} sx={{ mr: 1 }}>
            Xem danh sách học viên
          </Button>
          <Button onClick={() => (setOpened(null), setAnalysis(null), commit.reset(), picker.open())}>Nhập tệp khác</Button>
        </Paper>
      )}
      {editing && (
        <RowDialog
          key={editing.rowNumber}
          row={editing}
          fields={mappedFields}
          busy={update.isPending}
          error={update.isError ? message(update.error) : null}
          onSave={(values) => update.mutate({ ...session(), rowNumber: editing.rowNumber, values })}
          onSkip={() => {
            setAction.mutate({ ...session(), rowNumber: editing.rowNumber, action: 'skip' });
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Box>
  );
}
