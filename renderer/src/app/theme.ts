import { createTheme } from '@mui/material/styles';
import { viVN as coreViVN } from '@mui/material/locale';
import { viVN as gridViVN } from '@mui/x-data-grid/locales';

export const theme = createTheme(
  {
    palette: {
      primary: { main: '#a5161a' },
      secondary: { main: '#8a6d00' },
      background: { default: '#f6f4f1' },
    },
    typography: {
      fontFamily: 'Roboto, "Noto Sans", Arial, sans-serif',
      h1: { fontSize: '1.6rem', fontWeight: 600 },
      h2: { fontSize: '1.2rem', fontWeight: 600 },
    },
    components: {
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiPaper: { defaultProps: { variant: 'outlined' } },
    },
  },
  coreViVN,
  gridViVN,
);
