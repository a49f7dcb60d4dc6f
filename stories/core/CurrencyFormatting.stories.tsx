import type { Meta, StoryObj } from '@storybook/react-vite';
import { CURRENCIES, formatCreditAmount, type Currency } from '../../src/core';

const LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'hi-IN', 'pt-BR'];

interface Props {
  amount: string;
  locale: string;
}

/** How `formatCreditAmount` shows one exact amount in every Sequence currency. */
function CurrencyTable({ amount, locale }: Props) {
  let rows: { currency: Currency; text: string }[];
  try {
    rows = CURRENCIES.map((currency) => ({
      currency,
      text: formatCreditAmount(amount, { type: 'CASH', currency, name: currency }, { locale }),
    }));
  } catch (error) {
    return <p role="alert">{error instanceof Error ? error.message : String(error)}</p>;
  }
  return (
    // Long amounts wrap rather than widen the page on a phone.
    <table lang={locale} style={{ inlineSize: '100%', tableLayout: 'fixed' }}>
      <caption>
        {amount} in the {CURRENCIES.length} Sequence currencies, {locale}
      </caption>
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col">Formatted</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.currency}>
            <th scope="row">{row.currency}</th>
            <td dir="auto" style={{ overflowWrap: 'anywhere' }}>
              {row.text}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const meta = {
  title: 'Core/Currency formatting',
  component: CurrencyTable,
  args: { amount: '1234567.891', locale: 'en-GB' },
  argTypes: {
    amount: { control: 'text', description: 'An exact decimal string' },
    locale: { control: 'select', options: LOCALES },
  },
} satisfies Meta<typeof CurrencyTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BritishEnglish: Story = {};
export const German: Story = { args: { locale: 'de-DE' } };
export const Japanese: Story = { args: { locale: 'ja-JP' } };
export const ArabicEgypt: Story = { args: { locale: 'ar-EG' } };
export const TwentyDigitAmount: Story = { args: { amount: '98765432109876543210.99', locale: 'en-US' } };
export const NotADecimal: Story = { args: { amount: '1e5' } };
