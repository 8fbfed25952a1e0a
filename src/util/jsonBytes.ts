// Compact JSON as UTF-8 bytes, made once per object however many files it goes into (no vscode import).

/** The bytes of `JSON.stringify(value)`. */
export type JsonBytes = (value: unknown) => Buffer;

export const jsonBytes: JsonBytes = (value) => Buffer.from(JSON.stringify(value), 'utf8');

/**
 * One per export: the transcript cache on disk and the export's checkpoint both keep every conversation fetched, and
 * serializing 100 MB of transcripts once rather than twice is a good part of an export's time. Objects must not change
 * once serialized; what is remembered goes with its object.
 */
export function jsonBytesOnce(): JsonBytes {
  const made = new WeakMap<object, Buffer>();
  return (value) => {
    if (typeof value !== 'object' || value === null) return jsonBytes(value);
    let bytes = made.get(value);
    if (!bytes) {
      bytes = jsonBytes(value);
      made.set(value, bytes);
    }
    return bytes;
  };
}
