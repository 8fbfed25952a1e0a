const REDACTED = '[redacted]';

/**
 * Removes every occurrence of `secret` from strings inside `value` (deeply, without mutating it).
 * Error bodies are the server's text: a validation error may echo what it was sent, and the key must not travel on.
 */
export function redactSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) {
    return value;
  }
  return redact(value, secret) as T;
}

function redact(value: unknown, secret: string): unknown {
  if (typeof value === 'string') {
    return value.split(secret).join(REDACTED);
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, secret));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([field, item]) => [redact(field, secret), redact(item, secret)]),
    );
  }
  return value;
}
