import type { z } from 'zod';
import type { calendarItemSchema } from '../../../../shared/contract/calendar';

export type CalendarItem = z.infer<typeof calendarItemSchema>;

/** What the views need to know about each day besides its sessions. */
export interface DayInfo {
  /** The day off's name (holiday or announced), when the centre does not teach that day. */
  offName: string | null;
  /** A Saturday or Sunday worked in exchange for a day off. */
  workingDay: boolean;
}

export interface ViewProps {
  days: string[];
  items: CalendarItem[];
  dayInfo: (iso: string) => DayInfo;
  today: string;
  onOpen: (item: CalendarItem) => void;
}
