import meterSource from '../../src/components/CreditBalanceMeter.tsx?raw';
import summarySource from '../../src/components/CreditBalanceSummary.tsx?raw';
import warningSource from '../../src/components/CreditExpiryWarning.tsx?raw';
import detailsSource from '../../src/components/CreditGrantDetailsDialog.tsx?raw';
import historySource from '../../src/components/CreditGrantHistory.tsx?raw';
import ledgerSource from '../../src/components/CreditTransactionHistory.tsx?raw';
import topUpSource from '../../src/components/CreditTopUpDialog.tsx?raw';

/** Each component and its `…Slot` type's source, so the table is read from the code and never drifts from it. */
const SOURCES: [component: string, source: string][] = [
  ['CreditBalanceMeter', meterSource],
  ['CreditBalanceSummary', summarySource],
  ['CreditExpiryWarning', warningSource],
  ['CreditGrantHistory', historySource],
  ['CreditTransactionHistory', ledgerSource],
  ['CreditGrantDetailsDialog', detailsSource],
  ['CreditTopUpDialog', topUpSource],
];

/** The `data-slot` names of a component's exported `…Slot` union type. */
export function readSlots(source: string): string[] {
  const union = /export type \w+Slot =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([\w-]+)'/g)].map(([, name = '']) => name);
}

/** Every part of every component, by `data-slot`: what `classNames` keys and `[data-slot]` selectors address. */
export function PartsTable() {
  return (
    <table>
      <caption>Parts of each component, by data-slot (the first is the root, which takes className)</caption>
      <thead>
        <tr>
          <th scope="col">Component</th>
          <th scope="col">Parts</th>
        </tr>
      </thead>
      <tbody>
        {SOURCES.map(([component, source]) => (
          <tr key={component}>
            <th scope="row">
              <code>{component}</code>
            </th>
            <td>
              {readSlots(source).map((slot, index) => (
                <span key={slot}>
                  {index > 0 && ', '}
                  <code>{slot}</code>
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
