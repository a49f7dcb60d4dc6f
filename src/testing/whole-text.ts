/**
 * A Testing Library text matcher for the element whose whole text is `text`,
 * even when the text is split across children. The components isolate every
 * value they fill into a message in a `<bdi>` (so it keeps its place in
 * right-to-left text): "Showing <bdi>2</bdi> of <bdi>5</bdi> credit grants",
 * which the plain string matcher does not see through. Only the innermost
 * element holding all of it matches.
 *
 * @example screen.getByText(wholeText('Showing 2 of 5 credit grants'))
 */
export function wholeText(text: string | RegExp): (content: string, element: Element | null) => boolean {
  const matches = (value: string | null | undefined) => (typeof text === 'string' ? value === text : text.test(value ?? ''));
  return (_content, element) => !!element && matches(element.textContent) && ![...element.children].some((child) => matches(child.textContent));
}
