import { Box, Typography } from '@mui/material';
import { isValidIsoDate } from '../../../../shared/domain/dates';
import { partyDateLine } from '../../../../shared/domain/format';
import { upperVi } from '../../../../shared/domain/text';

/** How the header of every printed document will look with these settings [HD 36-HD/VPTW]. */
export function PartyHeaderPreview(props: { superior: string; name: string; docCode: string; placeName: string; date: string }) {
  const date = isValidIsoDate(props.date) ? props.date : new Date().toISOString().slice(0, 10);
  return (
    <Box
      aria-label="Mẫu tiêu đề văn bản"
      sx={{
        fontFamily: 'Tinos, "Times New Roman", serif',
        display: 'grid',
        gridTemplateColumns: '1fr 1fr',
        gap: 2,
        p: 2,
        bgcolor: 'common.white',
        border: 1,
        borderColor: 'divider',
        fontSize: 13,
        lineHeight: 1.35,
      }}
    >
      <Box sx={{ textAlign: 'center' }}>
        <div>{upperVi(props.superior || 'CẤP ỦY CẤP TRÊN')}</div>
        <div style={{ fontWeight: 700 }}>{upperVi(props.name || 'TÊN TRUNG TÂM')}</div>
        <div>*</div>
        <div>Số 01-QĐ/{props.docCode || 'TTCT'}</div>
      </Box>
      <Box sx={{ textAlign: 'center' }}>
        <Box component="span" sx={{ fontWeight: 700, borderBottom: '1px solid', pb: '1px', display: 'inline-block', whiteSpace: 'nowrap' }}>
          ĐẢNG CỘNG SẢN VIỆT NAM
        </Box>
        <Typography component="div" sx={{ fontStyle: 'italic', fontFamily: 'inherit', fontSize: 'inherit', mt: 1 }}>
          {partyDateLine(props.placeName || 'Địa danh', date)}
        </Typography>
      </Box>
    </Box>
  );
}
