import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import type { ComponentType } from 'react';
import { theme } from './theme';
import { Shell } from './Shell';
import { statusQuery } from './queries';
import { ErrorBoundary } from './ErrorBoundary';
import { prefetchRegistry } from '../features/learners/registry-queries';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return () => load().then((m) => ({ Component: m[name] }));
}

// Hash routing: the packaged app is loaded from a file:// URL. Each screen is its own chunk, loaded when
// first visited, so opening the app parses only the shell and the first screen (issue 14: the registry's
// first rows on a 1,000,000-person database).
const router = createHashRouter([
  {
    path: '/',
    // The status is asked as navigation starts, beside the first screen's code and data, so the shell
    // draws once, with everything, rather than a spinner first.
    loader: () => {
      void queryClient.prefetchQuery(statusQuery);
      return null;
    },
    shouldRevalidate: () => false,
    element: <Shell />,
    errorElement: <ErrorBoundary />,
    children: [
      { index: true, element: <Navigate to="/classes" replace /> },
      { path: 'centre', lazy: screen(() => import('../features/centre/CentreProfilePage'), 'CentreProfilePage') },
      { path: 'programs', lazy: screen(() => import('../features/programs/ProgramListPage'), 'ProgramListPage') },
      { path: 'programs/new', lazy: screen(() => import('../features/programs/ProgramEditorPage'), 'ProgramEditorPage') },
      { path: 'programs/:id', lazy: screen(() => import('../features/programs/ProgramEditorPage'), 'ProgramEditorPage') },
      {
        path: 'learners',
        loader: ({ request }) => {
          prefetchRegistry(queryClient, new URL(request.url).searchParams.get('q') ?? '');
          return null;
        },
        // Typing in the search box changes ?q=; the screen asks for those rows itself.
        shouldRevalidate: () => false,
        lazy: screen(() => import('../features/learners/LearnerListPage'), 'LearnerListPage'),
      },
      { path: 'learners/new', lazy: screen(() => import('../features/learners/PersonPage'), 'PersonPage') },
      { path: 'learners/duplicates', lazy: screen(() => import('../features/learners/DuplicatesPage'), 'DuplicatesPage') },
      { path: 'learners/import', lazy: screen(() => import('../features/imports/ImportPage'), 'ImportPage') },
      { path: 'learners/:id', lazy: screen(() => import('../features/learners/PersonPage'), 'PersonPage') },
      { path: 'units', lazy: screen(() => import('../features/units/UnitsPage'), 'UnitsPage') },
      { path: 'plans', lazy: screen(() => import('../features/plans/PlansPage'), 'PlansPage') },
      { path: 'classes', lazy: screen(() => import('../features/classes/ClassListPage'), 'ClassListPage') },
      { path: 'classes/new', lazy: screen(() => import('../features/classes/ClassPage'), 'ClassPage') },
      { path: 'classes/:id', lazy: screen(() => import('../features/classes/ClassPage'), 'ClassPage') },
      { path: 'certificates', lazy: screen(() => import('../features/certificates/CertificatesPage'), 'CertificatesPage') },
      { path: 'reports', lazy: screen(() => import('../features/reports/ReportsPage'), 'ReportsPage') },
      { path: 'levels', lazy: screen(() => import('../features/levels/LevelsPage'), 'LevelsPage') },
      { path: 'studies', lazy: screen(() => import('../features/studies/StudiesPage'), 'StudiesPage') },
      { path: 'calendar', lazy: screen(() => import('../features/calendar/CalendarPage'), 'CalendarPage') },
      { path: 'lecturers', lazy: screen(() => import('../features/lecturers/LecturersPage'), 'LecturersPage') },
      { path: 'holidays', lazy: screen(() => import('../features/holidays/HolidaysPage'), 'HolidaysPage') },
      { path: 'data', lazy: screen(() => import('../features/backups/BackupsPage'), 'BackupsPage') },
    ],
  },
]);

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
