// The languages of `react-credit-grants/messages/<language>`, one catalogue
// each in src/messages/ (English is the built-in default). The library build
// makes an entry of each; the tests check each is complete.
export const MESSAGE_LANGUAGES = ['de', 'fr', 'es', 'pt', 'ja', 'ar', 'hi'];
