import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import SearchIcon from '@mui/icons-material/Search';
import { Autocomplete, Box, Button, InputAdornment, Paper, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { PersonRow } from '../../../../shared/contract/learners';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { PARTY_STATUSES, PARTY_STATUS_LABELS, SEX_LABELS, type PartyStatus } from '../../../../shared/domain/learner-fields';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { OptionalEnumSelect } from '../../components/form/OptionalEnumSelect';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { useUnits } from '../units/queries';
import { useDebounced } from '../../components/useDebounced';
import { useExportRegistry } from './queries';
import { filterUnits } from './unit-filter';
import { useRegistry, useRegistryCount, type RegistryFilters } from './registry-queries';

const PARTY_STATUS_SHORT: Record<keyof typeof PARTY_STATUS_LABELS, string> = {
  quan_chung: 'Quần chúng',
  du_bi: 'Dự bị',
  chinh_thuc: 'Chính thức',
};

const COLUMNS: VirtualColumn<PersonRow>[] = [
  { label: 'Họ và tên', width: '2.2fr', render: (r) => r.fullName },
  { label: 'Giới tính', width: '0.7fr', render: (r) => (r.sex ? SEX_LABELS[r.sex] : '') },
  { label: 'Ngày sinh', width: '0.9fr', render: (r) => formatDate(r.birthDate) },
  { label: 'Dân tộc', width: '0.8fr', render: (r) => r.ethnicityName ?? '' },
  // The column says «Đảng viên», so its cells need only the kind: the full label was cut at 1366 pixels.
  { label: 'Đảng viên', width: '1fr', render: (r) => (r.partyStatus ? PARTY_STATUS_SHORT[r.partyStatus] : '') },
  { label: 'Chi bộ, đảng bộ', width: '2fr', render: (r) => r.unitName ?? '' },
  { label: 'Chức vụ', width: '1.4fr', render: (r) => r.position },
  { label: 'Số CCCD', width: '1.1fr', render: (r) => r.citizenId ?? '' },
];

export function LearnerListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [partyStatus, setPartyStatus] = useState<PartyStatus | null>(null);
  const query = useDebounced(q, 150);
  const units = useUnits();
  const filters = useMemo<RegistryFilters>(
    () => ({ ...(unitId ? { unitId } : {}), ...(partyStatus ? { partyStatus } : {}) }),
    [unitId, partyStatus],
  );

  useEffect(() => {
    setParams(query ? { q: query } : {}, { replace: true });
  }, [query, setParams]);

  const pages = useRegistry(query, filters);
  const count = useRegistryCount(query, filters);
  const exportFile = useExportRegistry();

  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 130px)' }}>
      <PageHeader
        title="Học viên"
        subtitle="Sổ theo dõi mọi người đã và đang học tại trung tâm, qua các năm."
        actions={
          <>
            <Button startIcon={<CompareArrowsIcon />} onClick={() => navigate('/learners/duplicates')}>
              Hồ sơ trùng
            </Button>
            <Button startIcon={<DownloadIcon />} onClick={() => exportFile.mutate({ q: query, filters })} disabled={exportFile.isPending}>
              Xuất Excel
            </Button>
            <Button startIcon={<UploadFileIcon />} onClick={() => navigate('/learners/import')}>
              Nhập từ Excel
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => navigate('/learners/new')}>
              Thêm người
            </Button>
          </>
        }
      />
      <Box sx={{ display: 'flex', gap: 2, mb: 1.5, alignItems: 'center' }}>
        <TextField
          autoFocus
          placeholder="Tên, năm sinh, chi bộ, CCCD — không cần gõ dấu"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          slotProps={{
            htmlInput: { 'aria-label': 'Tìm học viên' },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
          }}
          sx={{ flex: 3 }}
        />
        <Autocomplete
          sx={{ flex: 2 }}
          options={units.data ?? []}
          getOptionLabel={(u) => u.name}
          filterOptions={filterUnits}
          value={units.data?.find((u) => u.id === unitId) ?? null}
          onChange={(_e, u) => setUnitId(u?.id ?? null)}
          renderInput={(p) => <TextField {...p} label="Chi bộ, đảng bộ" />}
        />
        <OptionalEnumSelect
          label="Đảng viên"
          noneLabel="Tất cả"
          options={PARTY_STATUSES}
          labels={PARTY_STATUS_LABELS}
          value={partyStatus}
          onChange={setPartyStatus}
          sx={{ flex: 1.2 }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120, textAlign: 'right' }} aria-live="polite">
          {count.data ? `${formatNumber(count.data.count)} người` : ''}
        </Typography>
      </Box>
      <ErrorAlert error={pages.error} />
      <ErrorAlert error={exportFile.error} />
      <Paper sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <VirtualTable
          label="Danh sách học viên"
          columns={COLUMNS}
          rows={rows}
          rowKey={(r) => r.id}
          onOpen={(r) => navigate(`/learners/${r.id}`)}
          hasMore={pages.hasNextPage}
          onNearEnd={loadMore}
          empty={
            pages.isSuccess && (
              <Typography color="text.secondary" sx={{ p: 3 }}>
                {query ? `Không tìm thấy ai khớp với «${query}».` : 'Chưa có học viên nào. Hãy thêm người hoặc nhập danh sách từ Excel.'}
              </Typography>
            )
          }
        />
      </Paper>
    </Box>
  );
}
