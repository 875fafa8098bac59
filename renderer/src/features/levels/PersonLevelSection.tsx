import AddIcon from '@mui/icons-material/Add';
import { Button, Link, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared/contract/levels';
import { DiplomaDialog, EMPTY_DIPLOMA, type DiplomaDraft } from './DiplomaDialog';
import { historyDate, levelText, SOURCE_LABELS } from './labels';
import { useLevelHistory } from './queries';
import { ErrorAlert } from '../../components/form/ErrorAlert';

/** On the person page: the political-theory level today and how it came about, newest first. */
export function PersonLevelSection({ personId }: { personId: number }) {
  const history = useLevelHistory(personId);
  const [editing, setEditing] = useState<DiplomaDraft | null>(null);
  const h = history.data;
  const edit = (e: HistoryEntry) =>
    setEditing({
      id: e.diplomaId!,
      level: e.level === 'none' ? 'so_cap' : e.level,
      equivalent: e.equivalent,
      school: e.where,
      year: (e.date ?? '').slice(0, 4),
      number: e.diplomaNumber ?? '',
      issueDate: e.date && e.date.length === 10 ? e.date : '',
      note: e.note,
    });
  return (
    <Paper sx={{ p: 2, mt: 2 }} component="section" aria-labelledby="theory-level-title">
      <Typography variant="h2" id="theory-level-title" sx={{ mb: 1 }}>
        Trình độ lý luận chính trị
      </Typography>
      <ErrorAlert error={history.error} />
      {h && (
        <>
          <Typography data-testid="current-level">
            Hiện nay: <strong>{levelText(h.current)}</strong>
          </Typography>
          {h.entries.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              Hồ sơ chưa khai trình độ, chưa có bằng nào.
            </Typography>
          )}
          <List dense disablePadding>
            {h.entries.map((e, i) => (
              <ListItem key={i} disableGutters sx={{ alignItems: 'flex-start' }}>
                <ListItemText
                  primary={`${levelText(e.level, e.equivalent)} — ${SOURCE_LABELS[e.source]}${e.date ? ` (${historyDate(e.date)})` : ''}`}
                  secondary={
                    <>
                      {[e.where, e.diplomaNumber ? `Số bằng: ${e.diplomaNumber}` : '', e.note].filter(Boolean).join('; ')}
                      {e.diplomaId !== null && (
                        <>
                          {' '}
                          <Link component="button" type="button" variant="body2" onClick={() => edit(e)}>
                            Sửa
                          </Link>
                        </>
                      )}
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
          <Button size="small" startIcon={<AddIcon />} onClick={() => setEditing(EMPTY_DIPLOMA)}>
            Thêm bằng ngoài trung tâm
          </Button>
        </>
      )}
      {editing && <DiplomaDialog personId={personId} initial={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
