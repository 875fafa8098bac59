import { Box, Tab, Tabs } from '@mui/material';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from './PageHeader';

export interface PageTab {
  key: string;
  label: string;
  render: () => ReactNode;
}

/**
 * A page of tabs whose tab lives in the address (?tab=…), so "back" returns to the tab the clerk was
 * on; the first tab is the one without a parameter.
 */
export function TabbedPage(props: { title: string; subtitle: string; tabs: PageTab[]; maxWidth: number }) {
  const [params, setParams] = useSearchParams();
  const first = props.tabs[0]!;
  const tab = props.tabs.find((t) => t.key === params.get('tab')) ?? first;
  return (
    <Page maxWidth={props.maxWidth} title={props.title} subtitle={props.subtitle}>
      <Tabs
        value={tab.key}
        onChange={(_e, v: string) => setParams(v === first.key ? {} : { tab: v }, { replace: true })}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {props.tabs.map((t) => (
          <Tab key={t.key} value={t.key} label={t.label} id={`tab-${t.key}`} aria-controls={`tabpanel-${t.key}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`tabpanel-${tab.key}`} aria-labelledby={`tab-${tab.key}`}>
        {tab.render()}
      </Box>
    </Page>
  );
}
