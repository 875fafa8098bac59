import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Chip, FormControlLabel, Paper, Switch } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { OUTCOME_SHORT_LABELS, type ProgramSummary } from '../../../../shared/contract/programs';
import { formatNumber } from '../../../../shared/domain/format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { usePrograms } from './queries';

const columns: GridColDef<ProgramSummary>[] = [
  { field: 'code', headerName: 'Mã', width: 100 },
  { field: 'name', headerName: 'Tên chương trình', flex: 1, minWidth: 320 },
  {
    field: 'outcome',
    headerName: 'Công nhận',
    width: 150,
    valueGetter: (_v, row) => OUTCOME_SHORT_LABELS[row.outcome],
  },
  { field: 'topicCount', headerName: 'Chuyên đề', type: 'number', width: 100 },
  {
    field: 'sessionCount',
    headerName: 'Số buổi',
    type: 'number',
    width: 90,
    valueFormatter: (v: number) => formatNumber(v),
  },
  {
    field: 'maxAbsencePct',
    headerName: 'Vắng tối đa',
    type: 'number',
    width: 110,
    valueFormatter: (v: number) => `${formatNumber(v)}%`,
  },
  {
    field: 'validityMonths',
    headerName: 'Thời hạn',
    width: 100,
    valueFormatter: (v: number | null) => (v ? `${formatNumber(v)} tháng` : ''),
  },
  {
    field: 'archivedAt',
    headerName: 'Trạng thái',
    width: 120,
    renderCell: ({ row }) =>
      row.archivedAt ? <Chip size="small" label="Lưu trữ" /> : <Chip size="small" color="success" variant="outlined" label="Đang dùng" />,
  },
];

export function ProgramListPage() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const navigate = useNavigate();
  const programs = usePrograms(includeArchived);

  return (
    <Box>
      <PageHeader
        title="Chương trình đào tạo, bồi dưỡng"
        subtitle="Danh mục chương trình: chuyên đề, đánh giá, xếp loại và điều kiện hoàn thành. Bấm vào một dòng để xem và sửa."
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => navigate('/programs/new')}>
            Thêm chương trình
          </Button>
        }
      />
      <FormControlLabel
        control={<Switch checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />}
        label="Hiện cả chương trình đã lưu trữ"
        sx={{ mb: 1 }}
      />
      <ErrorAlert error={programs.error} />
      <Paper>
        <DataGrid
          disableEval
          autoHeight
          rows={programs.data ?? []}
          columns={columns}
          loading={programs.isPending}
          onRowClick={({ row }) => navigate(`/programs/${row.id}`)}
          getRowClassName={({ row }) => (row.archivedAt ? 'archived' : '')}
          hideFooter
          disableColumnMenu
          getRowHeight={() => 'auto'}
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .MuiDataGrid-cell': { py: 1, whiteSpace: 'normal', lineHeight: 1.4, display: 'flex', alignItems: 'center' },
            '& .archived': { color: 'text.secondary' },
          }}
        />
      </Paper>
    </Box>
  );
}
