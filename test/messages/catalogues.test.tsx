import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantDetailsDialog,
  CreditGrantHistory,
  CreditTransactionHistory,
  CreditUsageChart,
} from '../../src/components';
import { defaultMessages, normalizeCreditBalances, normalizeCreditGrant, type CreditGrantsMessages, type CreditsFetcher, type PluralMessage } from '../../src/core';
import { CreditGrantsProvider } from '../../src/react';
import { MESSAGE_LANGUAGES } from '../../scripts/message-languages.mjs';

// Every translation is complete, keeps every placeholder, has the plural
// forms its language needs, and a page rendered with it reads in that
// language only; without one, a German viewer reads English only.

const modules = import.meta.glob<{ messages: CreditGrantsMessages }>('../../src/messages/*.ts', { eager: true });
const catalogues = Object.fromEntries(Object.entries(modules).map(([path, module]) => [path.replace(/^.*\/(\w+)\.ts$/, '$1'), module.messages]));

/** The viewer's locale each catalogue is checked in. */
const LOCALE_OF: Record<string, string> = { de: 'de-DE', fr: 'fr-FR', es: 'es-ES', pt: 'pt-BR', ja: 'ja-JP', ar: 'ar-EG', hi: 'hi-IN' };

/**
 * English words a translation may rightly use too: the same word in that
 * language ("Status" in German), or what the host names a grant here.
 */
const SHARED_WORDS: Record<string, string[]> = {
  de: ['status'],
  fr: ['date', 'description', 'total', 'minimum', 'maximum', 'transactions', 'transaction', 'expire', 'plus', 'type', 'types'],
  es: ['total'],
  // "use": the imperative of usar; "out": Intl's short October ("31 de out.").
  pt: ['total', 'status', 'data', 'use', 'out'],
  ja: [],
  ar: [],
  hi: [],
};

/** Names every language writes as English does: a file format. */
const NAMES = ['csv'];

const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map(([, name]) => name));
const forms = (message: string | PluralMessage): string[] => (typeof message === 'string' ? [message] : Object.values(message));
const wordsOf = (text: string) => text.replace(PLACEHOLDER, ' ').toLowerCase().match(/\p{L}+/gu) ?? [];

/** Every English word of the default catalogue, three letters or more. */
const ENGLISH_WORDS = new Set(
  Object.entries(defaultMessages)
    .filter(([key]) => key !== 'language')
    .flatMap(([, message]) => forms(message as string | PluralMessage).flatMap(wordsOf))
    .filter((word) => word.length >= 3),
);

const TODAY = new Date(Date.UTC(2026, 10, 21, 12));
const wire = (id: string, fields: Record<string, unknown>) =>
  normalizeCreditGrant({
    id,
    sequenceAccountId: 'acct',
    customerId: 'cust',
    type: 'CASH',
    currency: 'EUR',
    name: 'EUR',
    originalAmount: '500',
    currentBalance: '120.5',
    costOfCredit: '500',
    effectiveDate: '2026-10-01',
    expiryDate: null,
    createdAt: '2026-10-01T09:00:00Z',
    ...fields,
  });
// Host data (names) that is no English word of the catalogue: currencies, and a metric called "Tokens";
// ids of letters and digits (the details dialog shows them), never words.
const GRANTS = [
  wire('g1', { expiryDate: '2026-11-21', currentBalance: '40' }),
  wire('g2', { expiryDate: '2026-11-25', originalAmount: '1000', currentBalance: '150' }),
  wire('g3', { expiryDate: '2027-03-31', currency: 'USD', name: 'USD' }),
  wire('g4', { expiryDate: '2026-11-10', currentBalance: '7' }),
  wire('g5', { currentBalance: '0' }),
  wire('g6', { effectiveDate: '2026-12-01' }),
  wire('g7', { type: 'USAGE', name: 'Tokens', metricId: 'm-tokens', originalAmount: '1000000', currentBalance: '150000', expiryDate: '2026-11-23' }),
  wire('g8', { currentBalance: undefined, originalAmount: '30' }),
];
const TRANSACTIONS = [{ id: 't1', grantId: 'g2', type: 'DEBIT' as const, amount: '850', date: '2026-11-01', reason: null, invoiceId: null, billingRunId: null }];

// A EUR balance with a month of usage behind it: the chart, the summary's forecast and the ledger have something to say.
const BALANCES = normalizeCreditBalances({
  items: [
    {
      id: 'EUR',
      type: 'CASH',
      name: 'EUR',
      balance: '380',
      grants: [
        {
          id: 'b1',
          sequenceAccountId: 'acct',
          customerId: 'cust',
          type: 'CASH',
          currency: 'EUR',
          name: 'EUR',
          originalAmount: '500',
          currentBalance: '380',
          costOfCredit: '500',
          effectiveDate: '2026-10-01',
          expiryDate: '2027-01-31',
          createdAt: '2026-10-01T09:00:00Z',
        },
      ],
      transactions: [
        { id: 'x1', grantId: 'b1', type: 'CREDIT', amount: '500', date: '2026-10-01', reason: null, invoiceId: null, billingRunId: null },
        { id: 'x2', grantId: 'b1', type: 'DEBIT', amount: '60', date: '2026-10-31', reason: null, invoiceId: 'i1', billingRunId: null },
        { id: 'x3', grantId: 'b1', type: 'DEBIT', amount: '60', date: '2026-11-20', reason: null, invoiceId: 'i2', billingRunId: null },
      ],
    },
  ],
}).balances;

const noRequests: CreditsFetcher = async (request) => {
  throw new Error(`unexpected request ${request.method} ${request.path}`);
};

/** The text a viewer meets on a page of the components, the details dialog open: words on screen and in accessible names and values. */
function renderedWords(locale: string, messages?: CreditGrantsMessages): string {
  const { unmount } = render(
    <CreditGrantsProvider fetcher={noRequests} locale={locale} timeZone="UTC" now={TODAY} retry={false} messages={messages}>
      <CreditExpiryWarning grants={GRANTS} />
      <CreditBalanceSummary grants={GRANTS} dataUpdatedAt={TODAY.getTime() - 120_000} onRefresh={() => undefined} />
      <CreditGrantHistory grants={GRANTS} totalResultSize={GRANTS.length + 5} hasNextPage onLoadMore={() => undefined} />
      <CreditBalanceSummary balances={BALANCES} dataUpdatedAt={TODAY.getTime() - 20_000} />
      <CreditUsageChart balances={BALANCES} />
      <CreditTransactionHistory balances={BALANCES} />
      <CreditGrantDetailsDialog grant={GRANTS[1]!} transactions={TRANSACTIONS} open />
    </CreditGrantsProvider>,
  );
  const attributes = [...document.querySelectorAll('[aria-label], [aria-valuetext], [title]')].flatMap((element) =>
    ['aria-label', 'aria-valuetext', 'title'].map((name) => element.getAttribute(name) ?? ''),
  );
  // Each text node on its own: textContent would run neighbouring cells together ("StatusValid" is no word).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node.nodeValue ?? '');
  // Joined by one space (a filled-in value is a node of its own); no-break spaces stay, as in "120,50 €".
  const text = `${nodes.join(' ')} ${attributes.join(' ')}`.replace(/ {2,}/g, ' ');
  unmount();
  return text;
}

describe('the catalogues', () => {
  it('are all there: one per language the package exports', async () => {
    expect(Object.keys(catalogues).sort()).toEqual([...MESSAGE_LANGUAGES].sort());
    const pkg = (await import('../../package.json')).default as { exports: Record<string, unknown> };
    for (const language of MESSAGE_LANGUAGES) expect(pkg.exports[`./messages/${language}`], language).toBeDefined();
  });

  describe.each(Object.entries(catalogues))('%s', (language, messages) => {
    it('carries its language and every key of the English catalogue, each of the same kind', () => {
      expect(messages.language).toBe(language);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(defaultMessages).sort());
      for (const [key, english] of Object.entries(defaultMessages)) {
        const translated = (messages as Record<string, unknown>)[key];
        expect(typeof translated, key).toBe(typeof english);
        // Between two sentences: a space, or nothing where sentences are not spaced (Japanese).
        if (key === 'sentenceSeparator') expect(translated, key).toMatch(/^ ?$/);
        else for (const form of forms(translated as string | PluralMessage)) expect(form.trim(), key).not.toBe('');
      }
    });

    it('keeps every placeholder, and invents none', () => {
      for (const [key, english] of Object.entries(defaultMessages)) {
        if (key === 'language') continue;
        const known = new Set(forms(english as string | PluralMessage).flatMap((form) => [...placeholders(form)]));
        const translated = (messages as Record<string, string | PluralMessage>)[key]!;
        for (const form of forms(translated)) for (const name of placeholders(form)) expect(known.has(name), `${key}: {${name}}`).toBe(true);
        // The general form says everything the English one does ({count} may be spelled out in "one").
        const other = typeof translated === 'string' ? translated : translated.other;
        const englishOther = typeof english === 'string' ? english : (english as PluralMessage).other;
        for (const name of placeholders(englishOther)) expect(placeholders(other).has(name), `${key}: {${name}} missing`).toBe(true);
      }
    });

    it('has every plural form its language needs', () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(messages)) {
        if (typeof message === 'string') continue;
        for (const category of categories) expect(message[category], `${key}.${category}`).toBeTruthy();
      }
    });

    it('reads in its language only: none of the English words of the default catalogue on a page rendered with it', () => {
      const shared = new Set([...NAMES, ...(SHARED_WORDS[language] ?? [])]);
      const words = new Set(wordsOf(renderedWords(LOCALE_OF[language]!, messages)));
      const english = [...words].filter((word) => ENGLISH_WORDS.has(word) && !shared.has(word));
      expect(english).toEqual([]);
    });
  });
});

describe('without a catalogue', () => {
  it('a German viewer reads English sentences with German numbers and dates, and no German word', () => {
    const text = renderedWords('de-DE');
    expect(text).toContain('Expires today');
    expect(text).toContain('Expires in 4 days');
    expect(text).toContain('120,50\u00a0€');
    expect(text).toContain('01.10.2026');
    const german = catalogues.de;
    if (!german) return;
    const germanWords = new Set(
      Object.entries(german)
        .filter(([key]) => key !== 'language')
        .flatMap(([, message]) => forms(message).flatMap(wordsOf))
        .filter((word) => word.length >= 4 && !ENGLISH_WORDS.has(word)),
    );
    expect([...new Set(wordsOf(text))].filter((word) => germanWords.has(word))).toEqual([]);
  });

  it('a Japanese viewer never reads "1 more grants": English plural rules go with English words', () => {
    const text = renderedWords('ja-JP');
    expect(text).toContain('Plus 1 grant of');
    expect(text).not.toMatch(/\b1 (more )?grants\b/);
  });
});
