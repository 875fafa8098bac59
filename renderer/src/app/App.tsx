import { CssBaseline, ThemeProvider } from '@mui/material';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'date-fns/locale/vi';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { theme } from './theme';
import { Shell } from './Shell';
import { ErrorBoundary } from './ErrorBoundary';
import { CentreProfilePage } from '../features/centre/CentreProfilePage';
import { ProgramListPage } from '../features/programs/ProgramListPage';
import { ProgramEditorPage } from '../features/programs/ProgramEditorPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { LearnerListPage } from '../features/learners/LearnerListPage';
import { PersonPage } from '../features/learners/PersonPage';
import { DuplicatesPage } from '../features/learners/DuplicatesPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { ImportPage } from '../features/imports/ImportPage';
import { LecturersPage } from '../features/lecturers/LecturersPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { HolidaysPage } from '../features/holidays/HolidaysPage';
import { PlansPage } from '../features/plans/PlansPage';
import { ClassListPage } from '../features/classes/ClassListPage';
import { ClassPage } from '../features/classes/ClassPage';
import { CertificatesPage } from '../features/certificates/CertificatesPage';
import { ReportsPage } from '../features/reports/ReportsPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

// Hash routing: the packaged app is loaded from a file:// URL.
const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    errorElement: <ErrorBoundary />,
    children: [
      { index: true, element: <Navigate to="/classes" replace /> },
      { path: 'centre', element: <CentreProfilePage /> },
      { path: 'programs', element: <ProgramListPage /> },
      { path: 'programs/new', element: <ProgramEditorPage /> },
      { path: 'programs/:id', element: <ProgramEditorPage /> },
      { path: 'learners', element: <LearnerListPage /> },
      { path: 'learners/new', element: <PersonPage /> },
      { path: 'learners/duplicates', element: <DuplicatesPage /> },
      { path: 'learners/import', element: <ImportPage /> },
      { path: 'learners/:id', element: <PersonPage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'classes', element: <ClassListPage /> },
      { path: 'classes/new', element: <ClassPage /> },
      { path: 'classes/:id', element: <ClassPage /> },
      { path: 'certificates', element: <CertificatesPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'lecturers', element: <LecturersPage /> },
      { path: 'holidays', element: <HolidaysPage /> },
      { path: 'data', element: <BackupsPage /> },
    ],
  },
]);

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={vi}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </LocalizationProvider>
    </ThemeProvider>
  );
}
