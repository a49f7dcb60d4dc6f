import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantHistory,
} from '../../../src/components';
import { normalizeCreditGrant, type CreditsFetcher } from '../../../src/core';
import { CreditGrantsProvider } from '../../../src/react';
import { createGrantFixtures } from '../../../src/testing';

// A page of real component markup (server-rendered, as a host's SSR would)
// under every way a host can set the theme, for the stylesheet tests.

const TODAY = '2026-11-21';
const fixtures = createGrantFixtures({ today: TODAY, currency: 'GBP' });
const grants = fixtures.statusShowcase().map((raw) => normalizeCreditGrant(raw));

const noRequests: CreditsFetcher = async (request) => {
  throw new Error(`unexpected request ${request.method} ${request.path}`);
};

function components(): ReactElement {
  return h(
    CreditGrantsProvider,
    { fetcher: noRequests, locale: 'en-GB', timeZone: 'UTC', now: new Date(Date.UTC(2026, 10, 21, 12)), retry: false },
    h(CreditBalanceSummary, { grants }),
    h(CreditExpiryWarning, { grants }),
    h(CreditBalanceMeter, { grant: grants[0]! }),
    h(CreditGrantHistory, { grants, totalResultSize: grants.length }),
  );
}

/**
 * Where the theme is set, by id of the wrapper around the components:
 * the default, each opt-in a host can use, and light forced back inside a
 * dark page. `html` is set on <html> instead of a wrapper.
 */
export const THEME_HOSTS = {
  default: {},
  'data-theme-dark': { 'data-theme': 'dark' },
  'class-dark': { className: 'dark' },
  'class-dark-theme': { className: 'dark-theme' },
  'data-theme-system': { 'data-theme': 'system' },
  'light-inside-dark': { 'data-theme': 'dark', inner: { 'data-theme': 'light' } },
  'class-light-inside-class-dark': { className: 'dark', inner: { className: 'light' } },
} as const;

export type ThemeHost = keyof typeof THEME_HOSTS;

/** A whole HTML page with `css` inlined and the components once per theme host. */
export function specimenPage(css: string): string {
  const markup = renderToStaticMarkup(components());
  const sections = Object.entries(THEME_HOSTS)
    .map(([id, host]) => {
      const attributes = (props: { 'data-theme'?: string; className?: string }) =>
        `${props['data-theme'] ? ` data-theme="${props['data-theme']}"` : ''}${props.className ? ` class="${props.className}"` : ''}`;
      const inner = 'inner' in host ? host.inner : undefined;
      const content = inner ? `<div${attributes(inner)}>${markup}</div>` : markup;
      return `<section id="${id}"${attributes(host)}>${content}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>${css}</style></head><body>${sections}</body></html>`;
}
