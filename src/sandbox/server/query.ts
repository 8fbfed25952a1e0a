import { ApiError, type ValidationIssue } from './errors';

// Query parameters parsed the way FastAPI/pydantic v2 parse them, collecting every problem into one 422.

export const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
export const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt _](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

export function datetimeProblem(text: string): string {
  if (text.length < 10) {
    return 'input is too short';
  }
  if (!/^\d{4}/.test(text)) {
    return 'invalid character in year';
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) {
    return 'invalid date separator, expected `-`';
  }
  if (text.length > 10 && !/[Tt _]/.test(text[10]!)) {
    return 'invalid datetime separator, expected `T`, `t`, `_` or space';
  }
  return 'unexpected extra characters at the end of the input';
}

/** Milliseconds since the epoch, or null when the text is not a datetime pydantic would accept. */
export function parseDatetime(text: string): number | null {
  if (/^\d{1,12}(\.\d+)?$/.test(text)) {
    const value = Number(text);
    // pydantic reads big numbers as milliseconds, small ones as seconds.
    return value > 2e10 ? value : value * 1000;
  }
  const m = DATETIME.exec(text);
  if (!m) {
    return null;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone === 'Z' || zone === 'z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${frac.padEnd(3, '0').slice(0, 3)}${offset}`;
  const ms = Date.parse(iso);
  // Date.parse rolls 2025-02-30 over to March and T24:00 over to the next day; pydantic refuses both.
  const dayRolledOver = new Date(Date.parse(`${y}-${mo}-${d}T00:00:00Z`)).getUTCDate() !== Number(d);
  if (Number.isNaN(ms) || dayRolledOver || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return null;
  }
  return ms;
}

export class QueryReader {
  private readonly issues: ValidationIssue[] = [];

  constructor(private readonly query: Readonly<Record<string, string>>) {}

  private issue(type: string, name: string, msg: string, input: string): void {
    this.issues.push({ type, loc: ['query', name], msg, input });
  }

  string(name: string): string | null {
    return this.query[name] ?? null;
  }

  int(name: string, fallback: number): number {
    const text = this.query[name];
    if (text === undefined) {
      return fallback;
    }
    if (!/^\s*[+-]?\d+\s*$/.test(text)) {
      this.issue('int_parsing', name, 'Input should be a valid integer, unable to parse string as an integer', text);
      return fallback;
    }
    return Number(text.trim());
  }

  /** A required string with a minimum length (`Query(..., min_length=N)`); a missing one is `missing`. */
  requiredString(name: string, minLength = 0): string | null {
    const text = this.query[name];
    if (text === undefined) {
      this.issues.push({ type: 'missing', loc: ['query', name], msg: 'Field required', input: null });
      return null;
    }
    return this.checkLength(name, text, minLength);
  }

  /** An optional string with a minimum length (`Query(default=None, min_length=N)`). */
  stringAtLeast(name: string, minLength: number): string | null {
    const text = this.query[name];
    return text === undefined ? null : this.checkLength(name, text, minLength);
  }

  private checkLength(name: string, text: string, minLength: number): string | null {
    if ([...text].length < minLength) {
      const unit = minLength === 1 ? 'character' : 'characters';
      this.issues.push({
        type: 'string_too_short',
        loc: ['query', name],
        msg: `String should have at least ${minLength} ${unit}`,
        input: text,
        ctx: { min_length: minLength },
      });
      return null;
    }
    return text;
  }

  /** An int refused (not clamped) outside `ge`..`le`, like `Query(10, ge=1, le=100)`. */
  boundedInt(name: string, fallback: number, bounds: { ge?: number; le?: number }): number {
    const before = this.issues.length;
    const n = this.int(name, fallback);
    if (this.issues.length > before || this.query[name] === undefined) {
      return n;
    }
    const input = this.query[name]!;
    if (bounds.ge !== undefined && n < bounds.ge) {
      this.issues.push({
        type: 'greater_than_equal',
        loc: ['query', name],
        msg: `Input should be greater than or equal to ${bounds.ge}`,
        input,
        ctx: { ge: bounds.ge },
      });
      return fallback;
    }
    if (bounds.le !== undefined && n > bounds.le) {
      this.issues.push({
        type: 'less_than_equal',
        loc: ['query', name],
        msg: `Input should be less than or equal to ${bounds.le}`,
        input,
        ctx: { le: bounds.le },
      });
      return fallback;
    }
    return n;
  }

  /** A required float (`Query(...)`). */
  requiredNumber(name: string): number | null {
    const text = this.query[name];
    if (text === undefined) {
      this.issues.push({ type: 'missing', loc: ['query', name], msg: 'Field required', input: null });
      return null;
    }
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) {
      this.issue('float_parsing', name, 'Input should be a valid number, unable to parse string as a number', text);
      return null;
    }
    return value;
  }

  bool(name: string): boolean | null {
    const text = this.query[name];
    if (text === undefined) {
      return null;
    }
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) {
      return true;
    }
    if (FALSE_WORDS.has(word)) {
      return false;
    }
    this.issue('bool_parsing', name, 'Input should be a valid boolean, unable to interpret input', text);
    return null;
  }

  /** A datetime filter, in milliseconds since the epoch. */
  datetime(name: string): number | null {
    const text = this.query[name];
    if (text === undefined) {
      return null;
    }
    const ms = parseDatetime(text.trim());
    if (ms === null) {
      this.issue('datetime_parsing', name, `Input should be a valid datetime, ${datetimeProblem(text.trim())}`, text);
    }
    return ms;
  }

  /** Throws the collected problems as FastAPI's 422. */
  finish(): void {
    if (this.issues.length > 0) {
      throw new ApiError(422, this.issues);
    }
  }
}

/** The real server clamps out-of-range paging values instead of refusing them. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
