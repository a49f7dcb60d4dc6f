import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreditBalanceMeter } from '../../src/components';
import { rawGrant } from '../fixtures/credit-grants';
import { fakeFetcher } from '../react/support/fake-fetcher';
import { expectNoAxeViolations } from '../helpers/axe';
import { grant } from './support/grants';
import { renderWithProvider } from './support/render';

describe('CreditBalanceMeter', () => {
  it('is a meter with numeric bounds and both amounts in aria-valuetext', async () => {
    const { container } = renderWithProvider(<CreditBalanceMeter grant={grant('g', { originalAmount: '10', currentBalance: '4.5', name: 'Welcome credit' })} />);
    const meter = screen.getByRole('meter', { name: 'Welcome credit' });
    expect(meter).toHaveAttribute('aria-valuemin', '0');
    expect(meter).toHaveAttribute('aria-valuemax', '10');
    expect(meter).toHaveAttribute('aria-valuenow', '4.5');
    expect(meter).toHaveAttribute('aria-valuetext', '£4.50 of £10.00 left');
    expect(container.querySelector('[data-slot="balance-meter"]')).toHaveAttribute('data-state', 'ok');
    expect(meter.style.getPropertyValue('--crg-meter-fill')).toBe('0.45');
    await expectNoAxeViolations(container);
  });

  it('is low at the threshold (20 % by default), and says so in words', async () => {
    const { container, rerender } = renderWithProvider(<CreditBalanceMeter grant={grant('g', { originalAmount: '10', currentBalance: '2' })} />);
    const root = () => container.querySelector('[data-slot="balance-meter"]');
    expect(root()).toHaveAttribute('data-state', 'low');
    expect(screen.getByText('Running low')).toBeInTheDocument();
    rerender(<CreditBalanceMeter grant={grant('g', { originalAmount: '10', currentBalance: '2' })} lowThreshold={0.1} />);
    expect(root()).toHaveAttribute('data-state', 'ok');
    expect(screen.queryByText('Running low')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('is depleted at zero, with a valid meter and words', async () => {
    const { container } = render(<CreditBalanceMeter grant={grant('g', { originalAmount: '10', currentBalance: '0' })} />);
    const meter = screen.getByRole('meter');
    expect(meter).toHaveAttribute('aria-valuenow', '0');
    expect(meter).toHaveAttribute('aria-valuetext', '£0.00 of £10.00 left');
    expect(container.querySelector('[data-slot="balance-meter"]')).toHaveAttribute('data-state', 'depleted');
    expect(screen.getByText('Used up')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('never shows an unknown balance as zero or as an empty bar', async () => {
    const legacy = grant('legacy', { currentBalance: undefined, originalAmount: '250' });
    expect(legacy.currentBalance).toBeNull();
    const { container } = renderWithProvider(<CreditBalanceMeter grant={legacy} />);
    const root = container.querySelector('[data-slot="balance-meter"]');
    expect(root).toHaveAttribute('data-state', 'unknown');
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(root).toHaveTextContent('Balance unavailable £250.00 granted');
    expect(root?.textContent).not.toMatch(/£0|NaN|undefined/);
    expect(container.querySelector('[data-slot="balance-meter-track"]')).toHaveAttribute('data-state', 'unknown');
    await expectNoAxeViolations(container);
  });

  it('fills a balance above the original amount without breaking the meter bounds', () => {
    renderWithProvider(<CreditBalanceMeter grant={grant('g', { originalAmount: '10', currentBalance: '12' })} />);
    const meter = screen.getByRole('meter');
    expect(meter).toHaveAttribute('aria-valuemax', '12');
    expect(meter).toHaveAttribute('aria-valuenow', '12');
    expect(meter.style.getPropertyValue('--crg-meter-fill')).toBe('1');
  });

  it('shows a summary total in metric units', () => {
    renderWithProvider(
      <CreditBalanceMeter total={{ type: 'USAGE', currency: 'USD', name: 'API calls', currentBalance: '1500', originalAmount: '20000' }} />,
    );
    expect(screen.getByRole('meter', { name: 'API calls' })).toHaveAttribute('aria-valuetext', '1,500 API calls of 20,000 API calls left');
  });

  it('takes a class for every part and keeps data-slot names', () => {
    const { container } = render(
      <CreditBalanceMeter
        grant={grant('g')}
        label="Plan credit"
        hideLabel
        className="root"
        classNames={{ 'balance-meter-track': 'track', 'balance-meter-indicator': 'bar', 'balance-meter-value': 'value', 'balance-meter-label': 'label' }}
      />,
    );
    expect(container.querySelector('.root')).toHaveAttribute('data-slot', 'balance-meter');
    expect(container.querySelector('.track')).toHaveAttribute('data-slot', 'balance-meter-track');
    expect(container.querySelector('.bar')).toHaveAttribute('data-slot', 'balance-meter-indicator');
    expect(container.querySelector('.value')).toHaveAttribute('data-slot', 'balance-meter-value');
    expect(container.querySelector('.label')).toHaveAttribute('data-visually-hidden');
    expect(screen.getByRole('meter', { name: 'Plan credit' })).toBeInTheDocument();
  });

  it('loads a grant by id inside a provider', async () => {
    const fake = fakeFetcher(() => rawGrant('g9', { name: 'Loaded credit', originalAmount: '50', currentBalance: '25' }));
    renderWithProvider(<CreditBalanceMeter grantId="g9" />, { fetcher: fake.fetcher });
    expect(await screen.findByRole('meter', { name: 'Loaded credit' })).toHaveAttribute('aria-valuetext', '£25.00 of £50.00 left');
    expect(fake.requestsTo('/credits/g9')).toHaveLength(1);
  });

  it('says clearly what it needs when given nothing', () => {
    expect(() => render(<CreditBalanceMeter />)).toThrow(/needs a `grant`, a `total`, or a `grantId`/);
  });
});
