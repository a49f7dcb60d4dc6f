// Kept for the fixtures' imports: the calendar arithmetic itself is core's.
export { addCalendarDays } from '../core/dates';
