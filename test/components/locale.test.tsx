import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  CreditBalanceMeter,
  CreditBalanceSummary,
  CreditExpiryWarning,
  CreditGrantHistory,
  type CreditGrantsMessages,
} from '../../src/components';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';
import { wholeText } from '../../src/testing';

// TODAY is 2026-11-21.
const welcome = grant('g', { name: 'Welcome credit', originalAmount: '1234.5', currentBalance: '1000.25', expiryDate: '2026-11-24', currency: 'EUR' });
const yen = grant('y', { name: 'Tokyo credit', currency: 'JPY', originalAmount: '50000', currentBalance: '1234' });

describe('locales', () => {
  it('de-DE: amounts, dates and relative time in German', () => {
    renderWithProvider(
      <>
        <CreditBalanceMeter grant={welcome} />
        <CreditExpiryWarning grant={welcome} />
        <CreditGrantHistory grants={[welcome]} />
      </>,
      { locale: 'de-DE' },
    );
    expect(screen.getAllByRole('meter')[0]).toHaveAttribute('aria-valuetext', '1.000,25\u00a0€ of 1.234,50\u00a0€ left');
    // toHaveTextContent collapses the no-break space before € into a space.
    expect(within(screen.getByRole('status')).getByRole('listitem')).toHaveTextContent('Welcome credit Expires in 3 Tagen 1.000,25 € at risk');
    expect(screen.getByRole('row', { name: /Welcome credit/ })).toHaveTextContent('24.11.2026');
  });

  it('ja-JP: yen without a fraction, Japanese dates', () => {
    renderWithProvider(<CreditGrantHistory grants={[yen, welcome]} />, { locale: 'ja-JP' });
    const meter = screen.getByRole('meter', { name: 'Tokyo credit' });
    expect(meter).toHaveAttribute('aria-valuetext', '￥1,234 of ￥50,000 left');
    expect(screen.getByRole('row', { name: /Welcome credit/ })).toHaveTextContent('2026/11/24');
  });

  it('ar-EG: Arabic digits and right-to-left layout, still accessible', async () => {
    const { container } = renderWithProvider(
      <div dir="rtl" lang="ar-EG">
        <CreditBalanceSummary grants={[welcome, yen]} />
        <CreditGrantHistory grants={[welcome, yen]} />
      </div>,
      { locale: 'ar-EG' },
    );
    const meter = within(container.querySelector('[data-slot="balance-summary"]')!).getAllByRole('meter')[0]!;
    const euros = new Intl.NumberFormat('ar-EG', { style: 'currency', currency: 'EUR' });
    expect(meter).toHaveAttribute('aria-valuetext', `${euros.format('1000.25')} of ${euros.format('1234.5')} left`);
    expect(meter.getAttribute('aria-valuetext')).toContain('١٬٠٠٠٫٢٥');
    expect(screen.getByRole('row', { name: /Welcome credit/ }).textContent).toContain('٢٤');
    // Messages take the direction of their own wording, so English reads in order inside the RTL page.
    for (const value of container.querySelectorAll('[data-slot="balance-meter-value"], [data-slot="grant-history-count"]')) {
      expect(value).toHaveAttribute('dir', 'ltr');
    }
    await expectNoAxeViolations(container);
  });

  it('sets each message’s direction from its own wording, so an Arabic catalogue reads right to left', () => {
    renderWithProvider(<CreditBalanceMeter grant={welcome} />, {
      locale: 'ar-EG',
      messages: { meterValue: 'متبقي {balance} من {original}' },
    });
    expect(document.querySelector('[data-slot="balance-meter-value"]')).toHaveAttribute('dir', 'rtl');
  });

  it('takes a partial message catalogue from the provider, with plurals for the locale', () => {
    const messages: Partial<CreditGrantsMessages> = {
      meterValue: 'Noch {balance} von {original}',
      historyTitle: 'Guthabenverlauf',
      historyShowing: { one: '{shown} von {total} Gutschrift', other: '{shown} von {total} Gutschriften' },
    };
    renderWithProvider(
      <>
        <CreditBalanceMeter grant={welcome} />
        <CreditGrantHistory grants={[welcome]} totalResultSize={1} />
      </>,
      { locale: 'de-DE', messages },
    );
    expect(screen.getAllByRole('meter')[0]).toHaveAttribute('aria-valuetext', 'Noch 1.000,25\u00a0€ von 1.234,50\u00a0€');
    expect(screen.getByRole('heading', { name: 'Guthabenverlauf' })).toBeInTheDocument();
    expect(screen.getByText(wholeText('1 von 1 Gutschrift'))).toBeInTheDocument();
    // Keys not overridden stay English.
    expect(screen.getByRole('columnheader', { name: 'Status' })).toBeInTheDocument();
  });
});

describe('right-to-left', () => {
  it('styles with logical properties only, so dir="rtl" mirrors the layout', () => {
    const css = ['src/styles/components.css', 'src/styles/tokens.css'].map((file) => readFileSync(file, 'utf8')).join('\n');
    const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const physical = withoutComments.match(
      /(^|[\s;{])((margin|padding|border)-(left|right)|left|right|float|text-align:\s*(left|right)|(min-|max-)?(width|height))\s*:/gm,
    );
    expect(physical).toBeNull();
  });
});
