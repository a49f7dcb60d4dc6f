import tokensCss from '../../src/styles/tokens.css?raw';
import { readTokens } from './tokens';

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.375rem', marginInlineEnd: '0.75rem', whiteSpace: 'nowrap' }}>
      <span aria-hidden="true" style={{ inlineSize: '1rem', blockSize: '1rem', borderRadius: '0.25rem', border: '1px solid #8884', background: color }} />
      <span>
        {label} <code>{color}</code>
      </span>
    </span>
  );
}

const isColour = (value: string) => /^(#|rgb)/.test(value);

/** The token reference of the Theming page: every token, its defaults in light and dark, and where it is used. */
export function TokenTable() {
  const tokens = readTokens(tokensCss);
  return (
    <table>
      <caption>{tokens.length} design tokens, their defaults and where the components use them</caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Default</th>
          <th scope="col">Used for</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <th scope="row">
              <code>{token.name}</code>
            </th>
            <td>
              {token.dark !== null && isColour(token.light) ? (
                <>
                  <Swatch color={token.light} label="light" />
                  <Swatch color={token.dark} label="dark" />
                </>
              ) : token.dark !== null ? (
                <>
                  <code>{token.light}</code> / dark <code>{token.dark}</code>
                </>
              ) : (
                <code>{token.light}</code>
              )}
            </td>
            <td>{token.use}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
