// Reads src/styles/tokens.css: every token, its light and dark values and
// what it is used for (the comment after it), so the Theming page and the
// token tests never drift from the stylesheet.

/** One `--crg-*` token. */
export interface Token {
  name: string;
  /** The value in the light theme (or the only value, for sizes and fonts). */
  light: string;
  /** The value in the dark theme, for colours; `null` when it does not change. */
  dark: string | null;
  /** Where the components use it. */
  use: string;
}

/** The declarations of one block: name → value, and name → comment. */
interface Block {
  values: Map<string, string>;
  uses: Map<string, string>;
}

const DECLARATION = /(--crg-[\w-]+)\s*:\s*([^;]+);[ \t]*(?:\/\*\s*([\s\S]*?)\s*\*\/)?/g;

function readBlock(css: string, selector: string): Block {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no block ${selector}`);
  const end = css.indexOf('}', start);
  const body = css.slice(start, end);
  const values = new Map<string, string>();
  const uses = new Map<string, string>();
  for (const [, name = '', value = '', use] of body.matchAll(DECLARATION)) {
    values.set(name, value.trim().replace(/\s+/g, ' '));
    if (use) uses.set(name, use.replace(/\s+/g, ' '));
  }
  return { values, uses };
}

/** The four blocks of tokens.css: sizes and fonts, light colours, dark colours, and dark again for data-theme="system". */
export function readTokenBlocks(css: string) {
  return {
    base: readBlock(css, ':where(:root)'),
    light: readBlock(css, ":where(:root, [data-theme='light'], .light, .light-theme)"),
    dark: readBlock(css, ":where([data-theme='dark'], .dark, .dark-theme)"),
    system: readBlock(css, ":where([data-theme='system'])"),
  };
}

/** Every token, in the stylesheet's order. */
export function readTokens(css: string): Token[] {
  const { base, light, dark } = readTokenBlocks(css);
  const tokens: Token[] = [];
  for (const block of [base, light]) {
    for (const [name, value] of block.values) {
      tokens.push({ name, light: value, dark: block === light ? (dark.values.get(name) ?? null) : null, use: block.uses.get(name) ?? '' });
    }
  }
  return tokens;
}
