import type { calendarChannels } from '../../../shared/contract/calendar';
import { addDays } from '../../../shared/domain/days';
import { AppError } from '../errors';
import type { Handlers } from '../handler';
import { sessionsBetween } from './store';

export const calendarHandlers: Handlers<typeof calendarChannels> = {
  'calendar.sessions': (ctx, input) => {
    if (input.to > addDays(input.from, 62)) throw new AppError('INVALID_INPUT', 'Chỉ xem tối đa hai tháng một lần.');
    return sessionsBetween(ctx.db, input.from, input.to, input.lecturerId, input.venueId);
  },
};
