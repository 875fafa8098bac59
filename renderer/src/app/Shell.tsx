import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import StorageIcon from '@mui/icons-material/Storage';
import PeopleIcon from '@mui/icons-material/People';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import EventNoteIcon from '@mui/icons-material/EventNote';
import ClassIcon from '@mui/icons-material/Class';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import SchoolIcon from '@mui/icons-material/School';
import BeachAccessIcon from '@mui/icons-material/BeachAccess';
import AssessmentIcon from '@mui/icons-material/Assessment';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import {
  AppBar,
  Box,
  Chip,
  CircularProgress,
  Drawer,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Toolbar,
  Typography,
} from '@mui/material';
import { useEffect } from 'react';
import { NavLink, Navigate, Outlet, useLocation } from 'react-router';
import { formatDateTime } from '../../../shared/domain/format';
import { DatabaseProblem } from '../features/backups/DatabaseProblem';
import { offsiteReminder } from '../features/protection/protection-labels';
import { RecoverySheetGate } from '../features/protection/RecoverySheetDialog';
import { useAppStatus } from './queries';
import { ClerkName } from './ClerkName';
import { ErrorAlert } from '../components/form/ErrorAlert';

const APP_NAME = 'Quản lý đào tạo Trung tâm Chính trị';
const NAV_WIDTH = 232;

const NAV = [
  {
    group: 'Đào tạo',
    items: [
      { to: '/classes', label: 'Lớp học', icon: <ClassIcon /> },
      { to: '/plans', label: 'Kế hoạch năm', icon: <EventNoteIcon /> },
      { to: '/calendar', label: 'Lịch giảng dạy', icon: <CalendarMonthIcon /> },
      { to: '/learners', label: 'Học viên', icon: <PeopleIcon /> },
      { to: '/certificates', label: 'Giấy chứng nhận', icon: <WorkspacePremiumIcon /> },
      { to: '/reports', label: 'Báo cáo', icon: <AssessmentIcon /> },
      { to: '/levels', label: 'Trình độ LLCT', icon: <MilitaryTechIcon /> },
      { to: '/studies', label: 'Học tập nghị quyết', icon: <RecordVoiceOverIcon /> },
    ],
  },
  {
    group: 'Danh mục',
    items: [
      { to: '/lecturers', label: 'Giảng viên, địa điểm', icon: <SchoolIcon /> },
      { to: '/units', label: 'Chi bộ, đảng bộ', icon: <AccountTreeIcon /> },
      { to: '/programs', label: 'Chương trình đào tạo', icon: <MenuBookIcon /> },
      { to: '/holidays', label: 'Ngày nghỉ lễ', icon: <BeachAccessIcon /> },
    ],
  },
  {
    group: 'Hệ thống',
    items: [
      { to: '/centre', label: 'Hồ sơ trung tâm', icon: <AccountBalanceIcon /> },
      { to: '/data', label: 'Dữ liệu và sao lưu', icon: <StorageIcon /> },
    ],
  },
];

export function Shell() {
  const status = useAppStatus();
  const location = useLocation();
  const s = status.data;

  useEffect(() => {
    const name = s?.centreName ? `${s.centreName} — ${APP_NAME}` : APP_NAME;
    document.title = s?.demo ? `[DỮ LIỆU MẪU] ${name}` : name;
  }, [s?.centreName, s?.demo]);

  if (status.isPending) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="Đang tải" />
      </Box>
    );
  }
  if (status.isError || !s) {
    return (
      <Box sx={{ p: 4 }}>
        <ErrorAlert error={status.error ?? 'Không đọc được trạng thái phần mềm.'} />
      </Box>
    );
  }
  if (s.problem) return <DatabaseProblem status={s} />;
  // First start: the profile comes first, because every printed header is made from it.
  if (!s.centreName && location.pathname !== '/centre' && location.pathname !== '/data') {
    return <Navigate to="/centre" replace />;
  }

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" color="primary" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" noWrap sx={{ fontSize: '1.05rem', fontWeight: 600 }}>
            {s.centreName ?? 'Trung tâm Chính trị'}
          </Typography>
          <Typography variant="body2" noWrap sx={{ opacity: 0.85 }}>
            {APP_NAME}
          </Typography>
          {s.demo && <Chip label="DỮ LIỆU MẪU" color="warning" size="small" />}
          <ClerkName status={s} />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar variant="dense" />
        {/* One list per group, its heading the first item, each link inside an item: the list
            structure screen readers (and axe) expect. */}
        <Box component="nav" aria-label="Chức năng">
          {NAV.map((section, i) => (
            <List
              key={section.group}
              dense
              disablePadding
              aria-labelledby={`nav-group-${i}`}
              subheader={
                <ListSubheader id={`nav-group-${i}`} sx={{ lineHeight: '32px', bgcolor: 'transparent', mt: i === 0 ? 1 : 0.5 }}>
                  {section.group}
                </ListSubheader>
              }
            >
              {section.items.map((item) => (
                <ListItem key={item.to} disablePadding>
                  <ListItemButton component={NavLink} to={item.to} selected={location.pathname.startsWith(item.to)}>
                    <ListItemIcon sx={{ minWidth: 40 }}>{item.icon}</ListItemIcon>
                    <ListItemText primary={item.label} />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          ))}
        </Box>
      </Drawer>
      <Box sx={{ flexGrow: 1, display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <Toolbar variant="dense" />
        <Box component="main" sx={{ flexGrow: 1, p: 3, pb: 6 }}>
          <Outlet />
        </Box>
        <Box
          component="footer"
          role="status"
          aria-label="Trạng thái dữ liệu"
          sx={{
            position: 'fixed',
            bottom: 0,
            left: NAV_WIDTH,
            right: 0,
            px: 2,
            py: 0.5,
            bgcolor: 'grey.100',
            borderTop: 1,
            borderColor: 'divider',
            display: 'flex',
            gap: 3,
            fontSize: 13,
            color: 'text.secondary',
            zIndex: 1,
          }}
        >
          <Box component="span" sx={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={s.dbPath}>
            Cơ sở dữ liệu: <b>{s.dbPath}</b>
          </Box>
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            Sao lưu gần nhất: <b>{s.lastBackupAt ? formatDateTime(s.lastBackupAt) : 'chưa có'}</b>
          </Box>
          {s.offsite.due && (
            <Box component="span" sx={{ whiteSpace: 'nowrap', color: '#8a3c00', fontWeight: 600 }}>
              {offsiteReminder(s.offsite)} —{' '}
              <Link component={NavLink} to="/data" color="inherit">
                Sao lưu ra USB
              </Link>
            </Box>
          )}
          <Box component="span" sx={{ marginLeft: 'auto', whiteSpace: 'nowrap' }}>
            Phiên bản {s.appVersion}
          </Box>
        </Box>
      </Box>
      <RecoverySheetGate status={s} />
    </Box>
  );
}
