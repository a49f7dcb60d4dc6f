import type { Decorator, Preview } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createPreviewAnnotations } from 'msw-storybook-addon/preview';
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { configure } from 'storybook/test';
import { CreditGrantsProvider, createHttpFetcher } from 'react-credit-grants';
import type { CreditsProxy } from 'react-credit-grants/server';
import { fakeCreditsProxy } from '../examples/storybook-msw/credits-handlers';
import {
  FIXTURE_TODAY,
  activeScenarios,
  scenarios,
  type CreditScenarioFactory,
  type CreditScenarioName,
} from '../stories/support/scenarios';
import { assertLayoutFits } from './layout-check';
import '../src/styles/tokens.css';
import '../src/styles/components.css';
import './brand-theme.css';
import './preview.css';

/** The locales the toolbar offers; the ones written right to left get dir="rtl". */
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'hi-IN', 'pt-BR'];
const RIGHT_TO_LEFT = new Set(['ar-EG']);
const TIME_ZONES = ['viewer', 'UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Etc/GMT+12'];
/** "Today" choices: the fixtures' day, a few days later, or the real clock. */
const TODAY_OFFSETS: Record<string, number | null> = { fixture: 0, 'plus-3': 3, 'plus-30': 30, real: null };

const PROXY_ROOT = '/api/credits-proxy';

/**
 * The viewport of the Storybook test project running this ("1280x800",
 * "320x640"; vitest.config.ts), which Storybook's test plugin applies to
 * every story. Unset in Storybook itself: the canvas is the designer's.
 */
const TEST_VIEWPORT = /^(\d+)x(\d+)$/.exec((import.meta.env as Record<string, string | undefined>).CRG_STORY_VIEWPORT ?? '');

// Play functions' findBy*/waitFor give up after 1 s by default; a story's first
// request on two busy cores can take longer. A guard against hanging, not a speed goal.
configure({ asyncUtilTimeout: 10_000 });

/** Where a story's proxy lives: its own path, so the stories of a docs page never answer for each other. */
function storyBasePath(storyId: string): string {
  return `${PROXY_ROOT}/${storyId}`;
}

/** The proxy of every mounted story, by story id. */
const storyProxies = new Map<string, CreditsProxy>();

/**
 * One MSW handler for all stories, given to the worker at start so it
 * survives the addon's handler reset between stories (a docs page renders
 * many stories at once); it hands each request to its story's proxy.
 */
const storyProxyDispatcher = http.all(`*${PROXY_ROOT}/:storyId/*`, ({ request, params }) => {
  const proxy = storyProxies.get(String(params.storyId));
  if (proxy) return proxy(request);
  return HttpResponse.json(
    { error: { code: 'NO_SCENARIO', message: `Story ${String(params.storyId)} has no credits scenario: set parameters.credits.` } },
    { status: 404 },
  );
});

const msw = createPreviewAnnotations(async () => {
  const worker = setupWorker(storyProxyDispatcher);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return worker;
});

function nowFor(today: string): Date | undefined {
  const offset = TODAY_OFFSETS[today] ?? 0;
  if (offset === null) return undefined;
  const [year, month, day] = FIXTURE_TODAY.split('-').map(Number) as [number, number, number];
  // Midday UTC, so the fixture day is "today" in every zone from UTC−11 to UTC+11.
  return new Date(Date.UTC(year, month - 1, day + offset, 12));
}

/** Reads `parameters.credits`: a scenario name or factory. */
function scenarioOf(parameter: unknown): CreditScenarioFactory | undefined {
  if (typeof parameter === 'function') return parameter as CreditScenarioFactory;
  if (typeof parameter === 'string') return scenarios[parameter as CreditScenarioName];
  return undefined;
}

interface StoryProviderProps {
  storyId: string;
  locale: string;
  theme: string;
  timeZone: string;
  today: string;
  retry: boolean;
  /** The story's proxy sells credit: the components may offer "Buy credit". */
  topUp: boolean;
  /** The host handles 401s (the story says so with parameters.onUnauthorized). */
  onUnauthorized: (() => void) | undefined;
  children: ReactNode;
}

/** The provider every story renders in: its own proxy path, and the toolbar's locale, zone, day and theme. */
function StoryCreditGrantsProvider({ storyId, locale, theme, timeZone, today, retry, topUp, onUnauthorized, children }: StoryProviderProps) {
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.lang = locale;
    root.dir = RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
  }, [theme, locale]);
  const basePath = storyBasePath(storyId);
  const fetcher = useMemo(() => createHttpFetcher({ baseUrl: basePath, timeoutMs: 10_000 }), [basePath]);
  return (
    <CreditGrantsProvider
      fetcher={fetcher}
      locale={locale}
      timeZone={timeZone === 'viewer' ? undefined : timeZone}
      now={nowFor(today)}
      retry={retry}
      topUp={topUp}
      onUnauthorized={onUnauthorized}
    >
      {children}
    </CreditGrantsProvider>
  );
}

/** What a host's onUnauthorized would do: send the customer to sign in (here, it only says so). */
function signInAgain() {
  console.info('onUnauthorized: the host would send the customer to sign in again');
}

const withCreditGrants: Decorator = (Story, context) => {
  const { locale = 'en-GB', theme = 'light', timeZone = 'UTC', today = 'fixture' } = context.globals as Record<string, string | undefined>;
  return (
    <StoryCreditGrantsProvider
      storyId={context.id}
      locale={locale}
      theme={theme}
      timeZone={timeZone}
      today={today}
      retry={context.parameters.retry === true}
      topUp={activeScenarios.get(context.id)?.topUp !== undefined}
      onUnauthorized={context.parameters.onUnauthorized === true ? signInAgain : undefined}
    >
      <Story />
    </StoryCreditGrantsProvider>
  );
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withCreditGrants],
  beforeEach: [
    // Starts MSW's worker once, and puts it on the context (`context.msw`) for stories' own handlers.
    msw.beforeEach,
    (context) => {
      const factory = scenarioOf(context.parameters.credits);
      if (!factory) return;
      const scenario = factory();
      activeScenarios.set(context.id, scenario);
      storyProxies.set(context.id, fakeCreditsProxy(scenario.fake, scenario.customerId, storyBasePath(context.id), scenario.topUp));
      return () => {
        activeScenarios.delete(context.id);
        storyProxies.delete(context.id);
      };
    },
  ],
  // Nothing overflows sideways, and open dialogs fit with their close controls on screen (at every test width).
  afterEach: [() => assertLayoutFits()],
  globalTypes: {
    theme: {
      description: 'Colour theme, set as data-theme on <html> as a host would (light, dark, system, or a brand made only with --crg-* variables)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'System (follows the OS)' },
          { value: 'brand', title: 'Brand (CSS variables only)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale for amounts, dates and plurals',
      toolbar: { title: 'Locale', icon: 'globe', items: LOCALES.map((value) => ({ value, title: value })), dynamicTitle: true },
    },
    timeZone: {
      description: 'Time zone in which "today" is taken',
      toolbar: {
        title: 'Time zone',
        icon: 'time',
        items: TIME_ZONES.map((value) => ({ value, title: value === 'viewer' ? "Viewer's" : value })),
        dynamicTitle: true,
      },
    },
    today: {
      description: '"Today" for statuses and expiry warnings',
      toolbar: {
        title: 'Today',
        icon: 'calendar',
        items: [
          { value: 'fixture', title: `${FIXTURE_TODAY} (fixtures)` },
          { value: 'plus-3', title: '3 days later' },
          { value: 'plus-30', title: '30 days later' },
          { value: 'real', title: 'Real clock' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-GB', timeZone: 'UTC', today: 'fixture' },
  parameters: {
    // Every story is an accessibility test: a violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
    ...(TEST_VIEWPORT && {
      viewport: {
        options: { test: { name: 'Test', styles: { width: `${TEST_VIEWPORT[1]}px`, height: `${TEST_VIEWPORT[2]}px` } } },
        defaultViewport: 'test',
      },
    }),
    layout: 'padded',
  },
};

export default preview;
