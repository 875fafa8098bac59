import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Snackbar, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { DUPLICATE_REASON_LABELS, type Person, type PersonRow } from '../../../../shared/contract/learners';
import { formatDate, formatDateTime } from '../../../../shared/domain/format';
import { PARTY_STATUS_LABELS, SEX_LABELS, THEORY_LEVEL_LABELS } from '../../../../shared/domain/learner-fields';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import { Page } from '../../components/PageHeader';
import { SimpleTable } from '../../components/SimpleTable';
import { useDismissDuplicate, useDuplicates, useMergeLearners, useMergePreview, useMerges, useUndoMerge } from './queries';

function describe(r: PersonRow): string {
  return [formatDate(r.birthDate), r.unitName, r.citizenId ? `CCCD ${r.citizenId}` : null].filter(Boolean).join(' · ');
}

const FIELDS: { label: string; value: (p: Person) => string }[] = [
  { label: 'Họ và tên', value: (p) => p.fullName },
  { label: 'Giới tính', value: (p) => (p.sex ? SEX_LABELS[p.sex] : '') },
  { label: 'Ngày sinh', value: (p) => formatDate(p.birthDate) },
  { label: 'Dân tộc', value: (p) => p.ethnicityName ?? '' },
  { label: 'Quê quán', value: (p) => p.homePlace },
  { label: 'Xã, phường', value: (p) => p.communeName ?? '' },
  { label: 'Đơn vị công tác', value: (p) => p.workplace },
  { label: 'Chức vụ', value: (p) => p.position },
  { label: 'Đảng viên', value: (p) => (p.partyStatus ? PARTY_STATUS_LABELS[p.partyStatus] : '') },
  { label: 'Ngày vào Đảng', value: (p) => formatDate(p.admissionDate) },
  { label: 'Chi bộ', value: (p) => p.unitName ?? '' },
  { label: 'Lý luận chính trị', value: (p) => (p.theoryLevel ? THEORY_LEVEL_LABELS[p.theoryLevel] : '') },
  { label: 'Số CCCD', value: (p) => p.citizenId ?? '' },
  { label: 'Điện thoại', value: (p) => p.phone },
  { label: 'Ghi chú', value: (p) => p.notes },
];

function PersonCell({ person }: { person: PersonRow }) {
  return (
    <>
      <RouterLink to={`/learners/${person.id}`}>{person.fullName}</RouterLink>
      <Typography variant="body2" color="text.secondary">
        {describe(person)}
      </Typography>
    </>
  );
}

interface MergeDone {
  mergeId: number;
  keptId: number;
  keptName: string;
  removedId: number;
  undone: boolean;
}

function MergeDialog({
  pair,
  onClose,
  onMerged,
}: {
  pair: { a: number; b: number } | null;
  onClose: () => void;
  onMerged: (m: MergeDone) => void;
}) {
  const [swap, setSwap] = useState(false);
  const keepId = pair ? (swap ? pair.b : pair.a) : 0;
  const removeId = pair ? (swap ? pair.a : pair.b) : 0;
  const preview = useMergePreview(keepId, removeId, pair !== null);
  const merge = useMergeLearners({
    onSuccess: (r) => {
      onMerged({ mergeId: r.mergeId, keptId: r.person.id, keptName: r.person.fullName, removedId: removeId, undone: false });
      onClose();
    },
  });
  const p = preview.data;
  return (
    <Dialog open={pair !== null} onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>Gộp hai hồ sơ thành một</DialogTitle>
      <DialogContent>
        <ErrorAlert error={preview.error} />
        <ErrorAlert error={merge.error} />
        {p && (
          <SimpleTable
            aria-label="So sánh hai hồ sơ"
            columns={[
              { render: (f) => f.label, sx: { color: 'text.secondary' } },
              { label: `Giữ lại: hồ sơ số ${p.kept.id}`, render: (f) => f.value(p.kept) },
              { label: `Gộp vào: hồ sơ số ${p.removed.id}`, render: (f) => f.value(p.removed) },
              {
                label: 'Kết quả',
                headSx: { fontWeight: 700 },
                render: (f) => f.value(p.result),
                rowSx: (f) => {
                  const changed = f.value(p.result) !== f.value(p.kept);
                  return { fontWeight: changed ? 700 : 400, bgcolor: changed ? 'rgba(46, 125, 50, 0.1)' : undefined };
                },
              },
            ]}
            rows={FIELDS}
            rowKey={(f) => f.label}
          />
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Mỗi ô giữ giá trị đầy đủ hơn; khi hai hồ sơ khác nhau thật sự, giữ giá trị của hồ sơ được giữ lại. Các lớp học và giấy chứng nhận
          của cả hai hồ sơ chuyển về hồ sơ kết quả. Có thể hoàn tác lần gộp này.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button startIcon={<SwapHorizIcon />} onClick={() => setSwap((s) => !s)}>
          Đổi hồ sơ giữ lại
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onClose}>Hủy</Button>
        <Button variant="contained" onClick={() => merge.mutate({ keepId, removeId })} disabled={!p || merge.isPending}>
          Gộp hồ sơ
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function DuplicatesPage() {
  const navigate = useNavigate();
  const pairs = useDuplicates();
  const merges = useMerges();
  const [pair, setPair] = useState<{ a: number; b: number } | null>(null);
  // The last merge, told where the clerk is (the list of merges may be far down the page) with its undo.
  const [done, setDone] = useState<MergeDone | null>(null);
  const dismiss = useDismissDuplicate();
  const undo = useUndoMerge({
    onSuccess: (_r, { mergeId }) => setDone((d) => (d && d.mergeId === mergeId ? { ...d, undone: true } : d)),
  });

  return (
    <Page
      maxWidth={1200}
      title="Hồ sơ có thể trùng"
      subtitle="Cùng số CCCD; hoặc cùng họ tên và ngày sinh; hoặc cùng họ tên, năm sinh và chi bộ. Gộp khi là một người, hoặc đánh dấu là hai người khác nhau."
      actions={<Button onClick={() => navigate('/learners')}>Về danh sách</Button>}
    >
      <ErrorAlert error={undo.error} sx={{ mb: 2 }} />
      <Paper sx={{ mb: 3 }}>
        <ErrorAlert error={pairs.error} />
        {pairs.data && pairs.data.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            Không có hồ sơ nào nghi trùng.
          </Typography>
        )}
        {pairs.data && pairs.data.length > 0 && (
          <SimpleTable
            aria-label="Các cặp hồ sơ nghi trùng"
            columns={[
              { label: 'Lý do', render: (d) => <Chip size="small" label={DUPLICATE_REASON_LABELS[d.reason]} /> },
              { label: 'Hồ sơ thứ nhất', render: (d) => <PersonCell person={d.a} /> },
              { label: 'Hồ sơ thứ hai', render: (d) => <PersonCell person={d.b} /> },
              {
                align: 'right',
                sx: { whiteSpace: 'nowrap' },
                render: (d) => (
                  <>
                    <Button size="small" onClick={() => dismiss.mutate({ aId: d.a.id, bId: d.b.id })}>
                      Không trùng
                    </Button>
                    <Button size="small" variant="outlined" onClick={() => setPair({ a: d.a.id, b: d.b.id })}>
                      So sánh và gộp
                    </Button>
                  </>
                ),
              },
            ]}
            rows={pairs.data}
            rowKey={(d) => `${d.a.id}-${d.b.id}`}
          />
        )}
      </Paper>
      <Typography variant="h2" sx={{ mb: 1 }}>
        Các lần gộp
      </Typography>
      <Paper>
        {merges.data && merges.data.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            Chưa gộp hồ sơ nào.
          </Typography>
        )}
        {merges.data && merges.data.length > 0 && (
          <SimpleTable
            aria-label="Các lần gộp hồ sơ"
            columns={[
              { label: 'Thời điểm', render: (m) => formatDateTime(m.at) },
              {
                label: 'Giữ lại',
                render: (m) => (
                  <>
                    <RouterLink to={`/learners/${m.keptId}`}>{m.keptName}</RouterLink> (số {m.keptId})
                  </>
                ),
              },
              { label: 'Đã gộp vào', render: (m) => `${m.removedName} (số ${m.removedId})` },
              { label: 'Người thực hiện', render: (m) => m.actor },
              {
                align: 'right',
                render: (m) =>
                  m.undoneAt ? (
                    <Typography variant="body2" color="text.secondary">
                      Đã hoàn tác {formatDateTime(m.undoneAt)}
                    </Typography>
                  ) : (
                    <Button size="small" onClick={() => undo.mutate({ mergeId: m.id })} disabled={undo.isPending}>
                      Hoàn tác
                    </Button>
                  ),
              },
            ]}
            rows={merges.data}
            rowKey={(m) => m.id}
          />
        )}
      </Paper>
      {pair && <MergeDialog key={`${pair.a}-${pair.b}`} pair={pair} onClose={() => setPair(null)} onMerged={setDone} />}
      <Snackbar open={done !== null} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }} sx={{ bottom: { xs: 48 } }}>
        <Alert
          severity="success"
          variant="filled"
          onClose={() => setDone(null)}
          action={
            done && !done.undone ? (
              <>
                <Button color="inherit" size="small" onClick={() => navigate(`/learners/${done.keptId}`)}>
                  Xem hồ sơ
                </Button>
                <Button color="inherit" size="small" onClick={() => undo.mutate({ mergeId: done.mergeId })} disabled={undo.isPending}>
                  Hoàn tác
                </Button>
                <Button color="inherit" size="small" onClick={() => setDone(null)}>
                  Đóng
                </Button>
              </>
            ) : undefined
          }
        >
          {done &&
            (done.undone
              ? `Đã hoàn tác: hồ sơ số ${done.removedId} đã được tách lại khỏi hồ sơ số ${done.keptId}.`
              : `Đã gộp hồ sơ số ${done.removedId} vào hồ sơ số ${done.keptId} (${done.keptName}).`)}
        </Alert>
      </Snackbar>
    </Page>
  );
}
