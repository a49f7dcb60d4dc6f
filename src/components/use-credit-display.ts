import { createElement, Fragment, useMemo, type ReactNode } from 'react';
import type { CalendarDate, CreditGrant, CreditGrantStatus, CreditUnit, DecimalString } from '../core';
import { getCalendarDate } from '../core/dates';
import { decimalSign, subtractDecimals } from '../core/decimal';
import { formatCreditAmount } from '../core/format';
import { formatCalendarDate, formatInstant } from '../core/format-dates';
import { FALLBACK_LOCALE } from '../react/browser-locale';
import { useOptionalCreditGrantsConfig } from '../react/context';
import {
  defaultMessages,
  formatMessage,
  formatCount,
  formatPluralMessage,
  messageDirection,
  selectPluralForm,
  type CreditGrantsMessages,
  type MessageValues,
  type PluralMessage,
} from './messages';

type KeysOfType<T, V> = { [K in keyof T]: T[K] extends V ? K : never }[keyof T];
/** Keys of plain-string messages. */
export type TextMessageKey = KeysOfType<CreditGrantsMessages, string>;
/** Keys of plural messages. */
export type PluralMessageKey = KeysOfType<CreditGrantsMessages, PluralMessage>;

/** A message as the props of the element that shows it: its parts, and the direction of its own wording. */
export interface MessageProps {
  dir: 'ltr' | 'rtl' | undefined;
  children: ReactNode;
}

/** Everything a component needs to show text: locale, zone, "now", and formatters bound to them. */
export interface CreditDisplay {
  locale: string;
  /** Today's calendar date in the display time zone. */
  today(): CalendarDate;
  /** A count in the locale's digits ("1,234", "١٬٢٣٤"). */
  count(count: number): string;
  /** An exact amount in its unit ("£1.00", "1,500 API calls"). */
  amount(amount: DecimalString, unit: CreditUnit): string;
  /** An exact amount with the sign `sign` always shown, "+£500.00" or "-£187.60" as the locale writes signs, for ledgers. */
  signedAmount(amount: DecimalString, unit: CreditUnit, sign: 1 | -1): string;
  /** A calendar date in the locale's format; for no date, the message `none`. */
  date(date: CalendarDate | null, none?: TextMessageKey): string;
  /** An instant in the locale and the display time zone. */
  instant(iso: string): string;
  /** The calendar day an instant falls on in the display time zone, as {@link date} shows it. */
  day(iso: string): string;
  /** A grant status as words. */
  status(status: CreditGrantStatus): string;
  /** What a grant is called: its name, or "GBP credit" for a cash grant named after its currency. */
  grantName(grant: Pick<CreditGrant, 'type' | 'name' | 'currency'>): string;
  /** A message with its placeholders filled, as one string (for attributes and labels). */
  text(key: TextMessageKey, values?: MessageValues): string;
  /** A plural message for `count`, as one string. */
  plural(key: PluralMessageKey, count: number, values?: MessageValues): string;
  /** The reading direction of a message's wording, for its element's `dir`. */
  dir(key: TextMessageKey | PluralMessageKey): 'ltr' | 'rtl' | undefined;
  /**
   * A message as element props, each filled-in value isolated in a `<bdi>`
   * so amounts and names keep their place in either direction:
   * `<p {...display.say('summaryEmpty')} />`.
   */
  say(key: TextMessageKey, values?: MessageValues): MessageProps;
  /** {@link say} for a plural message. */
  sayPlural(key: PluralMessageKey, count: number, values?: MessageValues): MessageProps;
}

const systemNow = () => new Date();
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A message's parts: its own words as text, each `{value}` in a `<bdi>`. A
 * placeholder without a value is left visible, as `formatMessage` does.
 */
function isolatedParts(template: string, values: MessageValues = {}): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [placeholder, key = ''] = match;
    if (match.index > last) parts.push(template.slice(last, match.index));
    parts.push(Object.prototype.hasOwnProperty.call(values, key) ? createElement('bdi', { key: parts.length }, String(values[key])) : placeholder);
    last = match.index + placeholder.length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : createElement(Fragment, null, ...parts);
}

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
    const amount = (value: DecimalString, unit: CreditUnit) => formatCreditAmount(value, unit, { locale, usageTemplate: messages.usageAmount });
    return {
      locale,
      today: () => getCalendarDate(now(), timeZone),
      count: (count) => formatCount(count, locale),
      amount,
      signedAmount: (value, unit, sign) => {
        // The sign comes from `sign` alone: a DEBIT sent as -5 is still "-5", never "+5".
        const magnitude = decimalSign(value) < 0 ? subtractDecimals('0', value) : value;
        return formatCreditAmount(sign < 0 ? subtractDecimals('0', magnitude) : magnitude, unit, {
          locale,
          usageTemplate: messages.usageAmount,
          signDisplay: 'exceptZero',
        });
      },
      date: (date, none = 'notSet') => (date === null ? messages[none] : formatCalendarDate(date, { locale })),
      instant: (iso) => formatInstant(iso, { locale, timeZone }),
      day: (iso) => formatCalendarDate(getCalendarDate(new Date(iso), timeZone), { locale }),
      // statusActive, statusExpiring, …
      status: (status) => messages[`status${status.charAt(0).toUpperCase()}${status.slice(1)}` as TextMessageKey],
      grantName: (grant) => (grant.type === 'CASH' && grant.name === grant.currency ? text('cashCreditName', { currency: grant.currency }) : grant.name),
      text,
      plural,
      dir,
      say: (key, values) => ({ dir: dir(key), children: isolatedParts(messages[key], values) }),
      sayPlural: (key, count, values) => ({
        dir: dir(key),
        children: isolatedParts(selectPluralForm(messages[key], count, locale), { count: formatCount(count, locale), ...values }),
      }),
    };
  }, [locale, timeZone, now, overrides]);
}
