export * from './hydrant-flow';
export * from './hydrant-inspection';
export * from './fire-inspection';
export * from './part135/index';
export {
  parseInstant,
  parseCalendarDate,
  formatCalendarDate,
  formatInstant,
  addMonthsToDate,
  calendarQuarterOf,
  HOUR_MS,
  DAY_MS,
} from './time';
