import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { FontChoice, ImportSheet } from '../../../../shared/contract/imports';
import { LEGACY_FONT_LABELS } from '../../../../shared/domain/legacy-vietnamese';

/**
 * A list typed in .VnTime or VNI-Times shows garbled letters: the clerk sees a few names converted
 * and decides; until then nothing from this sheet can be written.
 */
export function LegacyFontNotice(props: {
  legacyFont: NonNullable<ImportSheet['legacyFont']>;
  choice: FontChoice | null;
  onChoose: (choice: FontChoice | null) => void;
  busy?: boolean;
}) {
  const font = LEGACY_FONT_LABELS[props.legacyFont.font];
  if (props.choice) {
    return (
      <InfoWithAction
        action={props.choice === 'convert' ? 'Giữ nguyên như trong tệp' : 'Chuyển sang Unicode'}
        onAction={() => props.onChoose(props.choice === 'convert' ? 'keep' : 'convert')}
        disabled={props.busy}
      >
        {props.choice === 'convert'
          ? `Chữ gõ bằng phông ${font} được chuyển sang Unicode khi kiểm tra và khi nhập vào sổ.`
          : `Chữ được nhập đúng như trong tệp, không chuyển phông ${font}.`}
      </InfoWithAction>
    );
  }
  return (
    <Alert severity="warning" sx={{ mt: 2 }} role="region" aria-label="Phông chữ cũ">
      <AlertTitle>Danh sách này gõ bằng phông chữ cũ ({font}) — chữ hiển thị sai. Chuyển sang Unicode?</AlertTitle>
      {props.legacyFont.preview.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {props.legacyFont.preview.map((p) => (
            <li key={p.original}>
              <Typography variant="body2" component="span" color="text.secondary">
                {p.original}
              </Typography>{' '}
              → <b>{p.converted}</b>
            </li>
          ))}
        </Box>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        Cần chọn một trong hai cách trước khi nhập vào sổ.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
        <Button variant="contained" size="small" onClick={() => props.onChoose('convert')} disabled={props.busy}>
          Chuyển sang Unicode
        </Button>
        <Button variant="outlined" size="small" color="inherit" onClick={() => props.onChoose('keep')} disabled={props.busy}>
          Giữ nguyên
        </Button>
      </Box>
    </Alert>
  );
}

/** A choice the page made (or remembered) for the clerk, with the one button that undoes it. */
export function InfoWithAction(props: { action: string; onAction: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <Alert
      severity="info"
      sx={{ mt: 2 }}
      action={
        <Button color="inherit" size="small" onClick={props.onAction} disabled={props.disabled}>
          {props.action}
        </Button>
      }
    >
      {props.children}
    </Alert>
  );
}
