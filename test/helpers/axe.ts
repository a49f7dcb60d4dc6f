import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on a rendered element (default: the body, so portalled dialogs are
 * included; the test page's own <html> and <title> are not ours to check) and
 * fails with the violations listed. Colour contrast
 * needs real layout and is checked in Chromium by the Storybook tests instead.
 */
export async function expectNoAxeViolations(context: Element = document.body): Promise<void> {
  const results = await axe.run(context, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations).toEqual([]);
}
