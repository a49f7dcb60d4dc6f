// What a customer sees on a served example app, asserted in Debian's Chromium:
// painted meters and status colours, the details dialog, no console errors,
// and a theme that follows the host page rather than the OS.
import { backgroundBehind, contrast, isTransparent, luminance } from './colors.mjs';
import { fail } from './report.mjs';
import { checkServerHtml } from './server-html.mjs';

// Guards against hanging, far beyond what a page on two busy cores needs.
const RENDER_TIMEOUT_MS = 30_000;
const DIALOG_TIMEOUT_MS = 10_000;

// WCAG AA for body text.
const READABLE = 4.5;

const PROXY_PATH = '/api/credits-proxy';

/** How long the slow-network check holds back a server-rendered page's scripts: past a second, so "updated now" is stale. */
const SLOW_SCRIPTS_MS = 2_000;

/**
 * Opens the page and waits for the dashboard: history rows and summary meters
 * shown, nothing busy. Returns what it counted.
 */
async function waitForDashboard(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.waitForFunction(
      () =>
        document.querySelector('[data-slot="grant-history-row"]') !== null &&
        document.querySelector('[data-slot="balance-summary"] [role="meter"]') !== null &&
        document.querySelector('[aria-busy="true"]') === null,
      null,
      { timeout: RENDER_TIMEOUT_MS },
    );
  } catch {
    const state = await page.evaluate(() => document.body.innerText.slice(0, 400)).catch(() => '(no page)');
    fail(`the dashboard did not finish loading within ${RENDER_TIMEOUT_MS / 1000} s; the page says: ${JSON.stringify(state)}`);
  }
  return page.evaluate(() => ({
    rows: document.querySelectorAll('[data-slot="grant-history-row"]').length,
    meters: document.querySelectorAll('[role="meter"]').length,
  }));
}

/** The computed colours of every balance meter that shows a balance (`role="meter"`). */
function readMeters(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-slot="balance-meter-track"][role="meter"]')].map((track) => {
      const fill = track.querySelector('[data-slot="balance-meter-indicator"]');
      return {
        name: document.getElementById(track.getAttribute('aria-labelledby') ?? '')?.textContent ?? '?',
        track: getComputedStyle(track).backgroundColor,
        fill: fill ? getComputedStyle(fill).backgroundColor : 'missing',
        fillWidth: fill ? fill.getBoundingClientRect().width : 0,
      };
    }),
  );
}

async function checkMeters(page) {
  const meters = await readMeters(page);
  if (meters.length === 0) fail('no balance meter on the page');
  const unpainted = meters.filter((meter) => isTransparent(meter.track) || isTransparent(meter.fill));
  if (unpainted.length > 0) {
    const example = unpainted[0];
    fail(
      `${unpainted.length} of ${meters.length} meters are not painted: "${example.name}" has track ${example.track}, fill ${example.fill}` +
        ' (an rgba(0, 0, 0, 0) background is what an invalid --crg-* token leaves)',
    );
  }
  if (!meters.some((meter) => meter.fillWidth > 0)) fail('every meter fill is 0 px wide');
  return `${meters.length} meters; e.g. "${meters[0].name}": track ${meters[0].track}, fill ${meters[0].fill}`;
}

/** Status words carry their state's colour (success, warning, danger), not the text colour around them. */
async function checkStatusColours(page) {
  const statuses = await page.evaluate(() =>
    [...document.querySelectorAll('[data-slot="grant-history-status"][data-status]')].map((status) => ({
      status: status.getAttribute('data-status'),
      color: getComputedStyle(status).color,
      around: getComputedStyle(status.closest('[data-slot="grant-history-row"]') ?? document.body).color,
    })),
  );
  const coloured = statuses.filter((entry) => ['active', 'expiring', 'expired'].includes(entry.status));
  if (coloured.length === 0) fail('no active, expiring or expired status in the history');
  const plain = coloured.filter((entry) => isTransparent(entry.color) || entry.color === entry.around);
  if (plain.length > 0) {
    fail(`${plain.length} of ${coloured.length} status words have no colour of their own: "${plain[0].status}" is ${plain[0].color}, like the row's text`);
  }
  const byStatus = Object.fromEntries(coloured.map((entry) => [entry.status, entry.color]));
  return Object.entries(byStatus).map(([status, color]) => `${status} ${color}`).join(', ');
}

/** Clicks `opener`, expects a titled dialog named `name`, closes it with Escape. */
async function checkDialog(page, opener, name) {
  await opener.click({ timeout: DIALOG_TIMEOUT_MS });
  const dialog = page.getByRole('dialog', { name, exact: true });
  try {
    try {
      await dialog.waitFor({ state: 'visible', timeout: DIALOG_TIMEOUT_MS });
    } catch {
      const open = await page.getByRole('dialog').count();
      fail(open === 0 ? 'no dialog opened' : `a dialog opened, but its title is not "${name}"`);
    }
    const title = await dialog.evaluate((element) => document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
    if (title.trim() === '') fail('the dialog has no title');
    const background = await dialog.evaluate((element) => getComputedStyle(element).backgroundColor);
    if (isTransparent(background)) fail(`the dialog's surface is not painted (${background}): the page shows through`);
    await page.keyboard.press('Escape');
    try {
      await dialog.waitFor({ state: 'hidden', timeout: DIALOG_TIMEOUT_MS });
    } catch {
      fail('Escape did not close the dialog');
    }
    return `"${title}", surface ${background}`;
  } finally {
    // A modal left open hides the rest of the page from the next checks.
    if ((await page.getByRole('dialog').count()) > 0) await page.keyboard.press('Escape');
  }
}

/**
 * Loads a server-rendered page with its scripts held back `SLOW_SCRIPTS_MS`,
 * as on a slow network, and expects hydration without an error: anything the
 * client renders differently from the server (a clock read during render)
 * shows up here every time, not only on a busy machine.
 */
async function checkSlowHydration(browser, url, contextOptions) {
  const context = await browser.newContext({ ...contextOptions, colorScheme: 'light' });
  try {
    const errors = [];
    await context.route(`${new URL(url).origin}/**/*.js`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_SCRIPTS_MS));
      await route.continue();
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await waitForDashboard(page, url);
    await page.waitForLoadState('networkidle');
    // A row's button opens its dialog only once React has hydrated the page.
    const opener = page.locator('[data-slot="grant-history-open"]').first();
    await checkDialog(page, opener, (await opener.textContent()) ?? '');
    if (errors.length > 0) fail(`${errors.length} error(s) while hydrating: ${errors.slice(0, 3).join(' | ')}`);
    return `scripts held back ${SLOW_SCRIPTS_MS / 1000} s; hydrated, no error`;
  } finally {
    await context.close();
  }
}

/** The history rows' and summary entries' text as the hydrated page shows them. */
function shownData(page) {
  return page.evaluate(() => ({
    rows: [...document.querySelectorAll('[data-slot="grant-history-row"]')].map((row) => row.textContent ?? ''),
    balances: [...document.querySelectorAll('[data-slot="balance-summary-item"]')].map((item) => item.textContent ?? ''),
  }));
}

/** Colours of the parts the theme checks look at, with the backgrounds behind them. */
function readTheme(page) {
  return page.evaluate(() => {
    const backgroundsFrom = (element) => {
      const list = [];
      for (let node = element; node; node = node.parentElement) list.push(getComputedStyle(node).backgroundColor);
      return list;
    };
    const summary = document.querySelector('[data-slot="balance-summary"]');
    const summaryLabel = summary?.querySelector('[data-slot="balance-meter-label"]');
    const standaloneLabel = document.querySelector('[aria-label="Featured grant"] [data-slot="balance-meter-label"]');
    if (!summary || !summaryLabel || !standaloneLabel) return null;
    return {
      summary: { text: getComputedStyle(summaryLabel).color, backgrounds: backgroundsFrom(summaryLabel) },
      standalone: { text: getComputedStyle(standaloneLabel).color, backgrounds: backgroundsFrom(standaloneLabel) },
    };
  });
}

function describePart({ text, backgrounds }) {
  const background = backgroundBehind(backgrounds);
  return { text, background, ratio: contrast(text, background), textIsDark: luminance(text) < luminance(background) };
}

async function themeParts(page) {
  const theme = await readTheme(page);
  if (theme === null) fail('the summary or the featured meter is missing');
  return { summary: describePart(theme.summary), standalone: describePart(theme.standalone) };
}

/**
 * On a light host page, whatever the OS says: dark, readable text, and the
 * same colours as with the OS in light mode (`underLightOs`).
 */
async function checkFollowsLightHost(page, underLightOs) {
  const { standalone, summary } = await themeParts(page);
  if (!standalone.textIsDark || standalone.ratio < READABLE) {
    fail(`the meter label is ${standalone.text} on the page's ${standalone.background} (contrast ${standalone.ratio.toFixed(2)}): the OS's dark mode leaked into a light page`);
  }
  const changed = [
    ['the featured meter label', standalone.text, underLightOs.standalone.text],
    ['the summary card', summary.background, underLightOs.summary.background],
    ['the summary meter label', summary.text, underLightOs.summary.text],
  ].filter(([, dark, light]) => dark !== light);
  if (changed.length > 0) {
    const [part, dark, light] = changed[0];
    fail(`${part} is ${dark} with the OS in dark mode but ${light} in light mode: the OS, not the host, picked the theme`);
  }
  return `label ${standalone.text} on ${standalone.background}, contrast ${standalone.ratio.toFixed(1)}, as with the OS in light mode`;
}

/** With the host's dark switch set on <html>, the library's cards turn dark, with light readable text. */
async function checkDarkSwitch(page, apply, describeSwitch) {
  await page.evaluate(apply);
  try {
    const { summary } = await themeParts(page);
    if (summary.textIsDark || luminance(summary.background) > 0.2 || summary.ratio < READABLE) {
      fail(`with ${describeSwitch} the summary card is still ${summary.background} with text ${summary.text} (contrast ${summary.ratio.toFixed(2)})`);
    }
    return `card ${summary.background}, text ${summary.text}, contrast ${summary.ratio.toFixed(1)}`;
  } finally {
    await page.evaluate(() => {
      document.documentElement.removeAttribute('data-theme');
      document.documentElement.classList.remove('dark');
    });
  }
}

/**
 * Runs every browser check on a served app. `check(name, fn)` records one
 * check; `serverRendered` adds the checks of an app whose HTML carries the data.
 */
export async function checkDashboardInBrowser({ browser, url, check, serverRendered = false }) {
  const consoleErrors = [];
  /** Records the page's console errors and uncaught exceptions, naming the page (`where`). */
  const watch = (page, where) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url: source } = message.location();
      consoleErrors.push(`${where}: ${message.text()}${source ? ` (${source})` : ''}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${where}: ${String(error)}`));
  };
  // Pinned locale and zone: the page is the same on every machine.
  const contextOptions = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1200, height: 900 } };

  try {
    let underLightOs = null;
    const light = await browser.newContext({ ...contextOptions, colorScheme: 'light' });
    try {
      const page = await light.newPage();
      watch(page, 'OS light');
      const proxyRequests = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith(PROXY_PATH)) proxyRequests.push(request.url());
      });
      const loaded = await check('dashboard loads', async () => {
        const { rows, meters } = await waitForDashboard(page, url);
        return `${rows} history rows, ${meters} meters`;
      });
      if (!loaded) return;
      underLightOs = await themeParts(page).catch(() => null);
      if (serverRendered) {
        await check('hydrates without asking the proxy again', async () => {
          await page.waitForLoadState('networkidle');
          if (proxyRequests.length > 0) fail(`the browser asked the proxy for ${proxyRequests.map((entry) => new URL(entry).pathname).join(', ')}`);
          return 'no request to the proxy before any interaction';
        });
        await check('server HTML (no JavaScript) has the grant rows and balances', async () => checkServerHtml(url, await shownData(page)));
      }
      await check('meters have a painted track and fill', () => checkMeters(page));
      await check('status words have a colour of their own', () => checkStatusColours(page));
      await check('details dialog opens from a history row, closes with Escape', async () => {
        const opener = page.locator('[data-slot="grant-history-open"]').first();
        return checkDialog(page, opener, (await opener.textContent()) ?? '');
      });
      await check('details dialog opens from the page\'s button, closes with Escape', () =>
        checkDialog(page, page.getByRole('button', { name: 'Welcome credit details' }), 'Welcome credit'),
      );
      // With the OS in light mode, so that dark can only come from the host's switch.
      await check('data-theme="dark" on <html> turns the components dark (OS light)', () =>
        checkDarkSwitch(page, () => document.documentElement.setAttribute('data-theme', 'dark'), 'data-theme="dark"'),
      );
      await check('class="dark" on <html> turns the components dark (OS light)', () =>
        checkDarkSwitch(page, () => document.documentElement.classList.add('dark'), 'class="dark"'),
      );
    } finally {
      await light.close();
    }

    if (serverRendered) {
      await check('hydrates without errors when its scripts arrive 2 s after the HTML', () => checkSlowHydration(browser, url, contextOptions));
    }

    const darkOs = await browser.newContext({ ...contextOptions, colorScheme: 'dark' });
    try {
      const page = await darkOs.newPage();
      watch(page, 'OS dark');
      if (!(await check('dashboard loads with the OS in dark mode', () => waitForDashboard(page, url).then(() => '')))) return;
      await check('OS in dark mode, light page: a meter label stays dark text', () => {
        if (underLightOs === null) fail('the page under a light OS could not be read');
        return checkFollowsLightHost(page, underLightOs);
      });
      await check('data-theme="system" follows the OS (dark)', () =>
        checkDarkSwitch(page, () => document.documentElement.setAttribute('data-theme', 'system'), 'data-theme="system" and a dark OS'),
      );
    } finally {
      await darkOs.close();
    }
  } finally {
    // Also after an early return: the errors often say why a check failed.
    await check('no console errors', () => {
      if (consoleErrors.length > 0) fail(`${consoleErrors.length} console error(s): ${consoleErrors.slice(0, 3).join(' | ')}`);
      return 'none';
    });
  }
}
