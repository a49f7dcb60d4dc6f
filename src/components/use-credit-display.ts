import { useMemo } from 'react';
import type { CalendarDate, CreditGrantStatus, CreditUnit, DecimalString } from '../core';
import { getCalendarDate } from '../core/dates';
import { formatCreditAmount } from '../core/format';
import { formatCalendarDate, formatInstant } from '../core/format-dates';
import { useOptionalCreditGrantsConfig } from '../react/context';
import {
  defaultMessages,
  formatMessage,
  formatPluralMessage,
  messageDirection,
  type CreditGrantsMessages,
  type MessageValues,
  type PluralMessage,
} from './messages';

type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
/** Keys of plain-string messages. */
export type TextMessageKey = KeysOfType<CreditGrantsMessages, string>;
/** Keys of plural messages. */
export type PluralMessageKey = KeysOfType<CreditGrantsMessages, PluralMessage>;

/** Everything a component needs to show text: locale, zone, "now", and formatters bound to them. */
export interface CreditDisplay {
  locale: string;
  timeZone: string | undefined;
  now: () => Date;
  messages: CreditGrantsMessages;
  /** Today's calendar date in the display time zone. */
  today(): CalendarDate;
  /** An exact amount in its unit ("£1.00", "1,500 API calls"). */
  amount(amount: DecimalString, unit: CreditUnit): string;
  /** A calendar date in the locale's format. */
  date(date: CalendarDate): string;
  /** An instant in the locale and the display time zone. */
  instant(iso: string): string;
  /** A grant status as words. */
  status(status: CreditGrantStatus): string;
  /** A message with its placeholders filled. */
  text(key: TextMessageKey, values?: MessageValues): string;
  /** A plural message for `count`. */
  plural(key: PluralMessageKey, count: number, values?: MessageValues): string;
  /** The reading direction of a message's wording, for its element's `dir`. */
  dir(key: TextMessageKey | PluralMessageKey): 'ltr' | 'rtl' | undefined;
}

const STATUS_KEYS: Record<CreditGrantStatus, TextMessageKey> = {
  scheduled: 'statusScheduled',
  active: 'statusActive',
  expiring: 'statusExpiring',
  expired: 'statusExpired',
  depleted: 'statusDepleted',
};

const FALLBACK_LOCALE = 'en-US';
const systemNow = () => new Date();

/**
 * The display settings of the nearest `CreditGrantsProvider`, or defaults
 * (en-US, the viewer's zone, the real clock, English) when a component gets
 * its data as props outside any provider.
 */
export function useCreditDisplay(): CreditDisplay {
  const config = useOptionalCreditGrantsConfig();
  const locale = config?.locale ?? FALLBACK_LOCALE;
  const timeZone = config?.timeZone;
  const now = config?.now ?? systemNow;
  const overrides = config?.messages;
  return useMemo(() => {
    const messages: CreditGrantsMessages = overrides ? { ...defaultMessages, ...overrides } : defaultMessages;
    return {
      locale,
      timeZone,
      now,
      messages,
      today: () => getCalendarDate(now(), timeZone),
      amount: (amount, unit) =>
        formatCreditAmount(amount, unit, { locale, usageTemplate: messages.usageAmount }),
      date: (date) => formatCalendarDate(date, { locale }),
      instant: (iso) => formatInstant(iso, { locale, timeZone }),
      status: (status) => messages[STATUS_KEYS[status]],
      text: (key, values) => formatMessage(messages[key], values),
      plural: (key, count, values) => formatPluralMessage(messages[key], count, locale, values),
      dir: (key) => messageDirection(messages[key]),
    };
  }, [locale, timeZone, now, overrides]);
}
