import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditLedger, creditLedgerToCsv, filterCreditLedger, isDecimalString, sumDecimals, type CreditBalance } from '../../src/core';
import { creditBalances, type BalanceSpec } from '../fixtures/credit-balance-builder';

const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0');
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });

/** Text a host or an attacker could put in a reason or a grant name: anything, and a lot that starts like a formula. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' =', '"', ',', '\uFF1D', "'"), fc.string({ maxLength: 10 })).map(([head, tail]) => head + tail),
);

const nonBlank = hostileText.filter((text) => text.trim() !== '');

const balanceSpec: fc.Arbitrary<BalanceSpec> = fc
  .record({
    type: fc.constantFrom<'CASH' | 'USAGE'>('CASH', 'USAGE'),
    id: fc.constantFrom('GBP', 'EUR', 'metric-a'),
    names: fc.array(fc.option(hostileText, { nil: undefined }), { minLength: 1, maxLength: 3 }),
    transactions: fc.array(
      fc.record({
        type: fc.constantFrom<'DEBIT' | 'CREDIT'>('DEBIT', 'CREDIT'),
        amount,
        date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-02-28', '2026-12-31'),
        grant: fc.nat(3),
        // The normaliser takes a blank reason or invoice id for a malformed one.
        reason: fc.option(nonBlank, { nil: null }),
        invoiceId: fc.option(nonBlank, { nil: null }),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ type, id, names, transactions }) => ({
    type,
    id: type === 'USAGE' ? 'metric-a' : id === 'metric-a' ? 'GBP' : id,
    grants: names.map((name, index) => ({ id: `g${index}`, balance: '1', ...(name === undefined || name.trim() === '' ? {} : { name }) })),
    transactions: transactions.map(({ grant, ...transaction }) => ({ ...transaction, grantId: `g${grant}` })),
  }));

/** RFC 4180 read back, the plain way: quoted fields with doubled quotes, records ended by CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  while (index < text.length) {
    if (text[index] === '"' && field === '') {
      index += 1;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote < 0) throw new Error('unterminated quote');
        field += text.slice(index, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
    } else if (text[index] === ',') {
      record.push(field);
      field = '';
      index += 1;
    } else if (text.startsWith('\r\n', index)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else {
      field += text[index];
      index += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

describe('creditLedger for any balances', () => {
  it('orders rows newest first (reply order reversed within a day) and keeps each unit’s running balance exact', () => {
    fc.assert(
      fc.property(fc.array(balanceSpec, { maxLength: 4 }), (specs) => {
        const balances: CreditBalance[] = creditBalances(...specs);
        const { rows, units } = creditLedger(balances);
        const all = balances.flatMap((balance, b) => balance.transactions.map((transaction, t) => ({ transaction, b, t })));
        expect(rows).toHaveLength(all.length);
        const position = (key: string) => all.findIndex(({ b, t }) => `${b}.${t}` === key);
        rows.forEach((row, index) => {
          const source = all[position(row.key)]!.transaction;
          expect(row.amount).toBe(sumDecimals([source.type === 'DEBIT' ? `-${source.amount}` : source.amount]));
          if (index === 0) return;
          const previous = rows[index - 1]!;
          expect(previous.date > row.date || (previous.date === row.date && position(previous.key) > position(row.key))).toBe(true);
        });
        // Oldest first, each unit's running balance is the sum of its amounts so far.
        const oldestFirst = [...rows].reverse();
        for (const unit of units) {
          const own = oldestFirst.filter((row) => row.unitKey === unit.key);
          own.forEach((row, index) => expect(row.runningBalance).toBe(sumDecimals(own.slice(0, index + 1).map((r) => r.amount))));
          expect(unit.rowCount).toBe(own.length);
          expect(unit.ledgerBalance).toBe(own.at(-1)?.runningBalance ?? '0');
        }
        const filtered = filterCreditLedger(rows, { unitKey: units[0]?.key, type: 'DEBIT' });
        expect(filtered).toEqual(rows.filter((row) => row.unitKey === units[0]?.key && row.type === 'DEBIT'));
      }),
      { numRuns: 200 },
    );
  });

  it('writes CSV that reads back to the same cells, with nothing a spreadsheet would run', () => {
    fc.assert(
      fc.property(fc.array(balanceSpec, { minLength: 1, maxLength: 3 }), (specs) => {
        const { rows } = creditLedger(creditBalances(...specs));
        const records = parseCsv(creditLedgerToCsv(rows));
        expect(records).toHaveLength(rows.length + 1);
        expect(records[0]).toEqual(['Date', 'Unit', 'Grant ID', 'Grant', 'Type', 'Reason', 'Invoice ID', 'Amount', 'Running balance', 'Transaction ID']);
        records.slice(1).forEach((record, index) => {
          const row = rows[index]!;
          const text = [row.date, row.unitName, row.grantId, row.grantName ?? '', row.type, row.reason ?? '', row.invoiceId ?? '', row.transactionId ?? ''];
          const cells = [record[0], record[1], record[2], record[3], record[4], record[5], record[6], record[9]];
          cells.forEach((cell, column) => {
            // Either the text as it was, or the text behind one added quote, and never a formula.
            expect(cell === text[column] || cell === `'${text[column]}`).toBe(true);
            expect(cell).not.toMatch(/^[=+\-@\t\r\n]|^\s+[=+\-@]/);
          });
          expect(record[7]).toBe(row.amount);
          expect(record[8]).toBe(row.runningBalance);
          expect(isDecimalString(record[7]) && isDecimalString(record[8])).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
