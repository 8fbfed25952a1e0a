// An object's JSON as UTF-8 bytes, made once per object however many files it goes into (no vscode import).

/** A JSON text of `value` as UTF-8: `JSON.stringify(value)`, or another text of the same value (indented, say). */
export type JsonBytes = (value: unknown) => Buffer;

export const jsonBytes: JsonBytes = (value) => Buffer.from(JSON.stringify(value), 'utf8');

/** JsonBytes that also takes the bytes of an object someone has already made. */
export interface SharedJsonBytes extends JsonBytes {
  /** `bytes` are a JSON text of `value` (the export file's): later calls for `value` return them. */
  remember(value: object, bytes: Buffer): void;
  /**
   * Drops the bytes of `value` once everything that writes them has them. They would go with their object anyway,
   * but an export's conversations live long enough to die in V8's old generation, freed only by a full collection:
   * dropped at once, the bytes die young and 150 MB of them do not pile up in the meantime.
   */
  forget(value: unknown): void;
}

/**
 * One per export: the export file, the transcript cache on disk and the export's checkpoint all keep every
 * conversation fetched, and serializing 100 MB of transcripts once rather than three times is a good part of an
 * export's time. The export file's writer remembers what it wrote; what nothing made yet is serialized compactly.
 * Objects must not change once serialized; what is remembered goes with its object.
 */
export function jsonBytesOnce(): SharedJsonBytes {
  const made = new WeakMap<object, Buffer>();
  const bytesOf = ((value: unknown) => {
    if (typeof value !== 'object' || value === null) return jsonBytes(value);
    let bytes = made.get(value);
    if (!bytes) {
      bytes = jsonBytes(value);
      made.set(value, bytes);
    }
    return bytes;
  }) as SharedJsonBytes;
  bytesOf.remember = (value, bytes) => {
    made.set(value, bytes);
  };
  bytesOf.forget = (value) => {
    if (typeof value === 'object' && value !== null) made.delete(value);
  };
  return bytesOf;
}
