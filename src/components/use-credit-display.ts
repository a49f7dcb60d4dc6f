import { useMemo } from 'react';
import type { CalendarDate, CreditGrantStatus, CreditUnit, DecimalString } from '../core';
import { getCalendarDate } from '../core/dates';
import { formatCreditAmount } from '../core/format';
import { formatCalendarDate, formatInstant } from '../core/format-dates';
import { FALLBACK_LOCALE } from '../react/browser-locale';
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

/** A message as the props of the element that shows it: its text, and the direction of its own wording. */
export interface MessageProps {
  dir: 'ltr' | 'rtl' | undefined;
  children: string;
}

/** Everything a component needs to show text: locale, zone, "now", and formatters bound to them. */
export interface CreditDisplay {
  locale: string;
  /** Today's calendar date in the display time zone. */
  today(): CalendarDate;
  /** An exact amount in its unit ("£1.00", "1,500 API calls"). */
  amount(amount: DecimalString, unit: CreditUnit): string;
  /** A calendar date in the locale's format; for no date, the message `none`. */
  date(date: CalendarDate | null, none?: TextMessageKey): string;
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
  /** {@link text} with its `dir`, as props: `<p {...display.say('summaryEmpty')} />`. */
  say(key: TextMessageKey, values?: MessageValues): MessageProps;
  /** {@link plural} with its `dir`, as props. */
  sayPlural(key: PluralMessageKey, count: number, values?: MessageValues): MessageProps;
}

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
    const dir = (key: TextMessageKey | PluralMessageKey) => messageDirection(messages[key]);
    const text = (key: TextMessageKey, values?: MessageValues) => formatMessage(messages[key], values);
    const plural = (key: PluralMessageKey, count: number, values?: MessageValues) =>
      formatPluralMessage(messages[key], count, locale, values);
    return {
      locale,
      today: () => getCalendarDate(now(), timeZone),
      amount: (amount, unit) => formatCreditAmount(amount, unit, { locale, usageTemplate: messages.usageAmount }),
      date: (date, none = 'notSet') => (date === null ? messages[none] : formatCalendarDate(date, { locale })),
      instant: (iso) => formatInstant(iso, { locale, timeZone }),
      // statusActive, statusExpiring, …
      status: (status) => messages[`status${status.charAt(0).toUpperCase()}${status.slice(1)}` as TextMessageKey],
      text,
      plural,
      dir,
      say: (key, values) => ({ dir: dir(key), children: text(key, values) }),
      sayPlural: (key, count, values) => ({ dir: dir(key), children: plural(key, count, values) }),
    };
  }, [locale, timeZone, now, overrides]);
}
