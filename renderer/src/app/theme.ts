import { createTheme } from '@mui/material/styles';
import { viVN as coreViVN } from '@mui/material/locale';
import { viVN as gridViVN } from '@mui/x-data-grid/locales';

// Asked for by people whom motion bothers, and by the e2e tests (Playwright's reducedMotion): fades, growths and
// ripples end at once, so nothing waits on an animation and no test needs a sleep.
const still =
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export const theme = createTheme(
  {
    ...(still && {
      transitions: {
        create: () => 'none',
        getAutoHeightDuration: () => 0,
        duration: { shortest: 0, shorter: 0, short: 0, standard: 0, complex: 0, enteringScreen: 0, leavingScreen: 0 },
      },
    }),
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
      ...(still && { MuiButtonBase: { defaultProps: { disableRipple: true } } }),
    },
  },
  coreViVN,
  gridViVN,
);
