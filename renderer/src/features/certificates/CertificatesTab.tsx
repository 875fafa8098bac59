import DescriptionIcon from '@mui/icons-material/Description';
import DesignServicesIcon from '@mui/icons-material/DesignServices';
import GridOnIcon from '@mui/icons-material/GridOn';
import ListAltIcon from '@mui/icons-material/ListAlt';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Output } from '../../../../shared/contract';
import { CERTIFICATE_STATUS_LABELS, type Certificate } from '../../../../shared/contract/certificates';
import type { ClassRow } from '../../../../shared/contract/classes';
import { todayInVietnam } from '../../../../shared/domain/dates';
import { formatDate, formatNumber } from '../../../../shared/domain/format';
import { ApiError } from '../../api';
import { askingFor } from '../../components/form/AskDialog';
import { SavedFileAlert } from '../../components/SavedFileAlert';
import { ReasonDialog } from '../../components/ReasonDialog';
import { CertificatePrintButtons } from './CertificatePreview';
import { SignerDialog, type SignerChoice } from './SignerDialog';
import { ErrorAlert } from '../../components/form/ErrorAlert';
import {
  useCertificatePlan,
  useClassCertificates,
  useIssueCertificates,
  useListDocx,
  useListPdf,
  useRefreshClassCertificates,
  useRegisterXlsx,
  useReissueCertificate,
  useRevokeCertificate,
} from './queries';

type Plan = Output<'certificates.plan'>;
type Eligible = Plan['eligible'][number];
type Row = { kind: 'learner'; stt: number; learner: Eligible } | { kind: 'voided'; cert: Certificate };

const fieldsOf = (err: unknown) => (err instanceof ApiError ? err.fields : {});

export function CertificatesTab({ cls }: { cls: ClassRow }) {
  if (cls.status !== 'results_recognised' && cls.status !== 'certificates_issued') {
    return <Alert severity="info">Cấp giấy chứng nhận sau khi công nhận kết quả ở thẻ «Kết quả».</Alert>;
  }
  return <Certificates cls={cls} />;
}

/** Each learner's row, and under it the certificates of theirs that were reissued or revoked. */
function rowsOf(plan: Plan, all: Certificate[]): Row[] {
  const voided = all.filter((c) => c.status !== 'valid');
  const used = new Set<number>();
  const rows: Row[] = [];
  plan.eligible.forEach((learner, i) => {
    rows.push({ kind: 'learner', stt: i + 1, learner });
    const mine = voided.filter(
      (c) =>
        !used.has(c.id) && (learner.certificate ? c.personId === learner.certificate.personId : c.printed.fullName === learner.fullName),
    );
    for (const c of mine) {
      used.add(c.id);
      rows.push({ kind: 'voided', cert: c });
    }
  });
  for (const c of voided) if (!used.has(c.id)) rows.push({ kind: 'voided', cert: c });
  return rows;
}

function Certificates({ cls }: { cls: ClassRow }) {
  const plan = useCertificatePlan(cls.id);
  const all = useClassCertificates(cls.id);
  const [issuing, setIssuing] = useState(false);
  const [reissuing, setReissuing] = useState<Certificate | null>(null);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [yearClosed, setYearClosed] = useState(false);

  const refresh = useRefreshClassCertificates();
  const missing = plan.data?.eligible.filter((e) => e.certificate === null) ?? [];
  const issue = useIssueCertificates({
    onError: (err) => {
      if ('reason' in fieldsOf(err)) setYearClosed(true);
    },
    onSuccess: (r) => {
      setIssuing(false);
      setDone(`Đã cấp ${formatNumber(r.issued.length)} giấy chứng nhận.`);
    },
  });
  const reissue = useReissueCertificate({ onSuccess: () => setReissuing(null) });
  const revoke = useRevokeCertificate({
    onSuccess: (c) => {
      setRevoking(null);
      setDone(`Đã thu hồi giấy số ${c.serial}.`);
    },
  });
  const valid = (all.data ?? []).filter((c) => c.status === 'valid');
  const year = valid[0]?.year ?? all.data?.[0]?.year ?? Number(todayInVietnam().slice(0, 4));
  const receipt = useListPdf();
  const receiptWord = useListDocx();
  const register = useListPdf();
  const registerXlsx = useRegisterXlsx();

  if (plan.isError || all.isError) return <ErrorAlert error={plan.error ?? all.error} />;
  if (!plan.data || !all.data) return null;
  const rows = rowsOf(plan.data, all.data);
  const listError = receipt.error ?? receiptWord.error ?? register.error ?? registerXlsx.error;

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 2 }}>
      <Paper sx={{ p: 2, pt: 0 }}>
        {/* Issuing and printing stay in reach while a long class list scrolls under them (48 px: below the app's fixed bar). */}
        <Box
          role="toolbar"
          aria-label="Cấp và in giấy chứng nhận"
          sx={{
            position: 'sticky',
            top: 48,
            zIndex: 2,
            bgcolor: 'background.paper',
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            pt: 2,
            pb: 1,
            flexWrap: 'wrap',
            borderBottom: 1,
            borderColor: 'divider',
            mb: 1,
          }}
        >
          <Typography variant="h2" sx={{ flexGrow: 1 }}>
            Giấy chứng nhận
          </Typography>
          {missing.length > 0 && (
            <Button
              variant="contained"
              onClick={() => {
                issue.reset();
                setIssuing(true);
              }}
            >
              {`Cấp giấy chứng nhận (${formatNumber(missing.length)})`}
            </Button>
          )}
          <CertificatePrintButtons key={valid.map((c) => c.id).join(',')} certificateIds={valid.map((c) => c.id)} onPrinted={refresh} />
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mb: 1, flexWrap: 'wrap' }}>
          <Button
            size="small"
            component={RouterLink}
            to={`/certificates?tab=layout&program=${cls.programId}`}
            startIcon={<DesignServicesIcon />}
          >
            Mẫu giấy
          </Button>
          <FileButton icon={<ListAltIcon />} file={receipt} input={{ kind: 'receipt', classId: cls.id }} disabled={valid.length === 0}>
            Danh sách nhận giấy
          </FileButton>
          <FileButton
            icon={<DescriptionIcon />}
            file={receiptWord}
            input={{ kind: 'receipt', classId: cls.id }}
            disabled={valid.length === 0}
          >
            Danh sách nhận giấy (Word)
          </FileButton>
          <FileButton icon={<MenuBookIcon />} file={register} input={{ kind: 'register', year }}>
            {`Sổ cấp năm ${year}`}
          </FileButton>
          <FileButton icon={<GridOnIcon />} file={registerXlsx} input={{ year }}>
            Sổ cấp (Excel)
          </FileButton>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {`${formatNumber(plan.data.eligible.length)} học viên được công nhận · ${formatNumber(plan.data.eligible.length - missing.length)} đã có giấy · ${formatNumber(missing.length)} chưa cấp.`}
          {missing.length > 0 ? ` Số tiếp theo: ${plan.data.nextSerial} (vào sổ số ${plan.data.nextRegisterNo}).` : ''}
        </Typography>
        {done && (
          <Alert severity="success" sx={{ mb: 1 }} onClose={() => setDone(null)}>
            {done}
          </Alert>
        )}
        <ErrorAlert error={listError} sx={{ mb: 1 }} />
        <SavedFileAlert saved={receipt.data} sx={{ mb: 1 }} />
        <SavedFileAlert saved={receiptWord.data} sx={{ mb: 1 }} />
        {all.data.some((c) => c.damage !== null) && (
          <Alert severity="warning" sx={{ mb: 1 }}>
            {`${formatNumber(all.data.filter((c) => c.damage !== null).length)} giấy của lớp có bản ghi hỏng (thiếu nội dung đã in hoặc mã xác thực); ` +
              'sửa ở trang Giấy chứng nhận, thẻ «Sổ cấp giấy chứng nhận», nút «Sửa bản ghi hỏng».'}
          </Alert>
        )}
        <SavedFileAlert saved={register.data} sx={{ mb: 1 }} />
        <SavedFileAlert saved={registerXlsx.data} detail={registerXlsx.data && `(${registerXlsx.data.rowCount} dòng)`} sx={{ mb: 1 }} />
        {plan.data.eligible.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 3 }}>
            Lớp không có học viên được công nhận kết quả.
          </Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table
              size="small"
              aria-label="Giấy chứng nhận"
              sx={{ minWidth: 1000, '& th': { whiteSpace: 'nowrap' }, '& td.name, & td.kind': { whiteSpace: 'nowrap' } }}
            >
              <TableHead>
                <TableRow>
                  <TableCell align="right" sx={{ width: 48 }}>
                    STT
                  </TableCell>
                  <TableCell>Họ và tên</TableCell>
                  <TableCell>Xếp loại</TableCell>
                  <TableCell>Số giấy</TableCell>
                  <TableCell>Vào sổ số</TableCell>
                  <TableCell>Ngày cấp</TableCell>
                  <TableCell>Trạng thái</TableCell>
                  <TableCell align="right">Số lần in</TableCell>
                  <TableCell align="right" />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) =>
                  row.kind === 'learner' ? (
                    <LearnerRow key={`e${row.learner.enrollmentId}`} row={row} onReissue={setReissuing} onRevoke={setRevoking} />
                  ) : (
                    <VoidedRow key={`c${row.cert.id}`} cert={row.cert} />
                  ),
                )}
              </TableBody>
            </Table>
          </Box>
        )}
      </Paper>
      {issuing && (
        <SignerDialog
          title="Cấp giấy chứng nhận"
          defaultIssueDate={plan.data.decisionDate}
          confirmLabel={`Cấp ${formatNumber(missing.length)} giấy`}
          // The class's year is closed: the core asks why, and the issue becomes an amendment to that year.
          {...('reason' in fieldsOf(issue.error) || yearClosed ? { reasonLabel: 'Lý do (năm của lớp đã khóa sổ)' } : {})}
          busy={issue.isPending}
          error={issue.error?.message ?? null}
          fields={fieldsOf(issue.error)}
          onConfirm={(c) =>
            issue.mutate({
              classId: cls.id,
              issueDate: c.issueDate,
              signer: c.signer,
              enrollmentIds: missing.map((e) => e.enrollmentId),
              ...(c.reason ? { reason: c.reason } : {}),
            })
          }
          onClose={() => setIssuing(false)}
        >
          {`Cấp cho ${formatNumber(missing.length)} học viên chưa có giấy, đánh số liên tục. Số tiếp theo: ${plan.data.nextSerial}`}
        </SignerDialog>
      )}
      {reissuing && (
        <SignerDialog
          title={`Cấp lại giấy số ${reissuing.serial}`}
          defaultIssueDate={todayInVietnam()}
          confirmLabel="Cấp lại"
          reasonLabel="Lý do cấp lại"
          {...askingFor(reissue, () => setReissuing(null))}
          fields={fieldsOf(reissue.error)}
          onConfirm={(choice: SignerChoice) =>
            reissue.mutate(
              { certificateId: reissuing.id, reason: choice.reason, issueDate: choice.issueDate, signer: choice.signer },
              { onSuccess: (c) => setDone(`Đã cấp lại giấy số ${reissuing.serial} bằng giấy số ${c.serial}.`) },
            )
          }
        >
          {`${reissuing.printed.fullName}: giấy số ${reissuing.serial} hết hiệu lực; giấy mới mang số tiếp theo ${plan.data.nextSerial}.`}
        </SignerDialog>
      )}
      {revoking && (
        <ReasonDialog
          title={`Thu hồi giấy số ${revoking.serial}?`}
          label="Lý do thu hồi"
          helperText="Ví dụ: cấp nhầm người; lý do được ghi vào sổ cấp"
          confirmLabel="Thu hồi"
          {...askingFor(revoke, () => setRevoking(null))}
          onConfirm={(reason) => revoke.mutate({ certificateId: revoking.id, reason })}
        >
          {`${revoking.printed.fullName}: giấy số ${revoking.serial} sẽ hết hiệu lực; số này không dùng lại.`}
        </ReasonDialog>
      )}
    </Box>
  );
}

/** A button that asks for one of the class's files (a list, the register), off while the file is being made. */
function FileButton<I>(props: {
  icon: ReactNode;
  file: { mutate: (input: I) => void; isPending: boolean };
  input: I;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      size="small"
      startIcon={props.icon}
      onClick={() => props.file.mutate(props.input)}
      disabled={props.disabled || props.file.isPending}
    >
      {props.children}
    </Button>
  );
}

function LearnerRow(props: {
  row: Extract<Row, { kind: 'learner' }>;
  onReissue: (c: Certificate) => void;
  onRevoke: (c: Certificate) => void;
}) {
  const { learner, stt } = props.row;
  const c = learner.certificate;
  return (
    <TableRow>
      <TableCell align="right">{stt}</TableCell>
      <TableCell className="name">{learner.fullName}</TableCell>
      <TableCell className="kind">{learner.classification ?? ''}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: c ? 600 : undefined }}>{c?.serial ?? ''}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{c?.registerNo ?? ''}</TableCell>
      <TableCell>{c ? formatDate(c.issueDate) : ''}</TableCell>
      <TableCell sx={{ color: c ? 'success.dark' : 'text.secondary' }}>{c ? CERTIFICATE_STATUS_LABELS[c.status] : 'Chưa cấp'}</TableCell>
      <TableCell align="right">{c ? c.printCount : ''}</TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {c && (
          <>
            <Button size="small" onClick={() => props.onReissue(c)} aria-label={`Cấp lại: ${learner.fullName}`}>
              Cấp lại
            </Button>
            <Button size="small" color="error" onClick={() => props.onRevoke(c)} aria-label={`Thu hồi: ${learner.fullName}`}>
              Thu hồi
            </Button>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}

function VoidedRow({ cert }: { cert: Certificate }) {
  const label = CERTIFICATE_STATUS_LABELS[cert.status];
  const detail = [cert.statusReason, cert.replacedBySerial ? `thay bằng số ${cert.replacedBySerial}` : null].filter(Boolean).join('; ');
  return (
    <TableRow sx={{ '& td': { color: 'text.secondary' } }}>
      <TableCell />
      <TableCell className="name">{cert.printed.fullName}</TableCell>
      <TableCell className="kind">{cert.printed.classification ?? ''}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap', textDecoration: 'line-through' }}>{cert.serial}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{cert.registerNo}</TableCell>
      <TableCell>{formatDate(cert.issueDate)}</TableCell>
      <TableCell>{detail ? `${label}: ${detail}` : label}</TableCell>
      <TableCell align="right">{cert.printCount}</TableCell>
      <TableCell />
    </TableRow>
  );
}
