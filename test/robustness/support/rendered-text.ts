/**
 * Everything a user (or assistive technology) can read in a subtree: its text
 * and every attribute value (`aria-valuetext`, `aria-valuenow`, titles,
 * data-* states, the meter's fill). A broken value shows up in either.
 */
export function renderedText(root: Element): string {
  const parts = [root.textContent ?? ''];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of element.attributes) parts.push(`${attribute.name}=${attribute.value}`);
  }
  return parts.join('\n');
}

/** Lines of `text` that contain `pattern`, for a failure message that shows where. */
export function linesMatching(text: string, pattern: RegExp): string[] {
  return text.split('\n').filter((line) => pattern.test(line));
}
