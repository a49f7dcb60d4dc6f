import type { CreditGrantsMessages } from 'react-credit-grants';

// The translations the package ships (react-credit-grants/messages/<language>),
// by language, for the Storybook locale toolbar and the Translations page.
const modules = import.meta.glob<{ messages: CreditGrantsMessages }>('../../src/messages/*.ts', { eager: true });

/** Every shipped catalogue, by its language. */
export const CATALOGUES: Record<string, CreditGrantsMessages> = Object.fromEntries(
  Object.values(modules).map(({ messages }) => [messages.language, messages]),
);

/** The catalogue a viewer in `locale` would be given: its language's, or none (English). */
export function catalogueFor(locale: string): CreditGrantsMessages | undefined {
  return CATALOGUES[new Intl.Locale(locale).language];
}
