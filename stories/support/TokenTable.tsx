import tokensCss from '../../src/styles/tokens.css?raw';

interface Token {
  name: string;
  value: string;
  light: string | null;
  dark: string | null;
}

/** Every `--crg-*` custom property declared in tokens.css, read from the file itself so the page never drifts from it. */
export function readTokens(css: string = tokensCss): Token[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/(--crg-[\w-]+)\s*:\s*([^;]+);/g)].map(([, name = '', raw = '']) => {
    const value = raw.trim().replace(/\s+/g, ' ');
    const pair = /^light-dark\((.+),\s*([^,()]+(?:\([^)]*\))?)\)$/.exec(value);
    return { name, value, light: pair?.[1]?.trim() ?? null, dark: pair?.[2]?.trim() ?? null };
  });
}

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.375rem', marginInlineEnd: '0.75rem' }}>
      <span aria-hidden="true" style={{ inlineSize: '1rem', blockSize: '1rem', borderRadius: '0.25rem', border: '1px solid #8884', background: color }} />
      <span>
        {label} <code>{color}</code>
      </span>
    </span>
  );
}

/** The token reference of the Theming page. */
export function TokenTable() {
  const tokens = readTokens();
  return (
    <table>
      <caption>{tokens.length} design tokens and their defaults</caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Default</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <th scope="row">
              <code>{token.name}</code>
            </th>
            <td>
              {token.light && token.dark ? (
                <>
                  <Swatch color={token.light} label="light" />
                  <Swatch color={token.dark} label="dark" />
                </>
              ) : (
                <code>{token.value}</code>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
