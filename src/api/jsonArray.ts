// Where the elements of a JSON array lie in its UTF-8 bytes, without parsing them (no vscode import).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * The elements of the JSON array `bytes` holds, as views into it (no copy), or undefined when it is not one array:
 * its brackets, braces or strings do not balance, or something stands before or after it. Only the structure is
 * checked; each element is checked when it is parsed. UTF-8 lets this look at single bytes: every byte of a
 * multi-byte character is 0x80 or above, so none is taken for a quote, a bracket or a comma.
 */
export function jsonArrayElements(bytes: Uint8Array): Uint8Array[] | undefined {
  const end = bytes.length;
  let i = 0;
  while (isWhitespace(bytes[i])) i++;
  if (bytes[i] !== OPEN_BRACKET) return undefined;
  const elements: Uint8Array[] = [];
  let depth = 0;
  /** Where the current element of the array began (its first byte after the bracket or comma). */
  let start = i + 1;
  for (; i < end; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      // Through the string: an escaped character is skipped whatever it is, so \" and \\ are never misread.
      for (i++; i < end && bytes[i] !== QUOTE; i++) {
        if (bytes[i] === BACKSLASH) i++;
      }
      if (i >= end) return undefined;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      if (depth === 1) {
        if (byte !== CLOSE_BRACKET || !addElement(bytes, start, i, elements, true)) return undefined;
        for (i++; i < end; i++) if (!isWhitespace(bytes[i])) return undefined;
        return elements;
      }
      depth--;
    } else if (byte === COMMA && depth === 1) {
      if (!addElement(bytes, start, i, elements, false)) return undefined;
      start = i + 1;
    }
  }
  return undefined;
}

/** The element between `from` and `to`, trimmed; false if there is none where one must be ("[1,]", "[,1]"). */
function addElement(bytes: Uint8Array, from: number, to: number, elements: Uint8Array[], last: boolean): boolean {
  while (from < to && isWhitespace(bytes[from])) from++;
  while (to > from && isWhitespace(bytes[to - 1])) to--;
  if (from === to) return last && elements.length === 0; // "[]" is the empty array; "[1,]" is not JSON
  elements.push(bytes.subarray(from, to));
  return true;
}
