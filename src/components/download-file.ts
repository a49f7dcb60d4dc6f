/** A text file for the viewer to save. */
export interface TextFile {
  /** The file name offered to the viewer, safe for any file system. */
  name: string;
  /** The file's text. */
  text: string;
  /** Its media type, with the charset (`text/csv;charset=utf-8`). */
  type: string;
}

/**
 * Long enough for any browser to have read the file before its URL goes
 * away: most take it as the click is handled, but some (older Safari) read
 * a blob URL later, and the cost of waiting is only the file's memory.
 */
const REVOKE_AFTER_MS = 30_000;

/**
 * Saves `file` through the browser's own download: a `Blob`, an object URL,
 * and a click on a temporary `<a download>` (in the document, where every
 * browser honours it), revoked once the browser has taken the file.
 */
export function downloadTextFile(file: TextFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
