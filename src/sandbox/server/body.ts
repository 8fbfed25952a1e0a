import { ApiError, type ValidationIssue } from './errors';
import { datetimeProblem, FALSE_WORDS, parseDatetime, TRUE_WORDS } from './query';

// Request bodies read the way FastAPI and pydantic v2 read them: a JSON decode error is a 422 before anything
// else (even before the key is checked); field problems are collected into one 422 list after the key, scope
// and rate limit have passed. Unknown fields are ignored; `null` in an Optional field means "not sent".

type Loc = (string | number)[];
export type JsonObject = Record<string, unknown>;

/** Python's len(): code points, not UTF-16 units. */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `'a', 'b' or 'c'`, as pydantic lists enum members. */
function expected(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}

/** Parses the raw body. Throws FastAPI's 422 `json_invalid` (or `missing` for an empty body). */
export function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') {
    throw new ApiError(422, [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new ApiError(422, [
      {
        type: 'json_invalid',
        loc: ['body', position === undefined ? 0 : Number(position)],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Expecting value' },
      },
    ]);
  }
}

/** pydantic's numeric bounds. */
export interface Bounds {
  ge?: number;
  le?: number;
}

export interface StringRule {
  min?: number;
  max?: number;
}

/** Reads fields of one JSON object (a pydantic model), collecting problems. */
export class BodyReader {
  constructor(
    private readonly issues: ValidationIssue[],
    private readonly object: JsonObject,
    private readonly loc: Loc,
  ) {}

  /** The request body as a model. Call `finish()` after reading every field. */
  static root(body: unknown): { reader: BodyReader | null; finish: () => void } {
    const issues: ValidationIssue[] = [];
    const reader = BodyReader.model(issues, body, ['body']);
    return {
      reader,
      finish: () => {
        if (issues.length > 0) throw new ApiError(422, issues);
      },
    };
  }

  private static model(issues: ValidationIssue[], value: unknown, loc: Loc): BodyReader | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({
        type: 'model_attributes_type',
        loc,
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: value,
      });
      return null;
    }
    return new BodyReader(issues, value as JsonObject, loc);
  }

  private issue(name: string | number | null, type: string, msg: string, input: unknown, ctx?: JsonObject): void {
    const loc = name === null ? this.loc : [...this.loc, name];
    this.issues.push(ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input });
  }

  /** Absent or null: undefined (Optional fields treat null as "not sent"). */
  private present(name: string): unknown {
    const value = this.object[name];
    return value === null ? undefined : value;
  }

  /** A required field that is absent: pydantic's `missing`, whose input is the whole object. */
  private missing(name: string): void {
    this.issue(name, 'missing', 'Field required', this.object);
  }

  private checkString(name: string | number, value: unknown, rule: StringRule): string | undefined {
    if (typeof value !== 'string') {
      this.issue(name, 'string_type', 'Input should be a valid string', value);
      return undefined;
    }
    const n = length(value);
    if (rule.min !== undefined && n < rule.min) {
      const msg = `String should have at least ${plural(rule.min, 'character')}`;
      this.issue(name, 'string_too_short', msg, value, { min_length: rule.min });
      return undefined;
    }
    if (rule.max !== undefined && n > rule.max) {
      const msg = `String should have at most ${plural(rule.max, 'character')}`;
      this.issue(name, 'string_too_long', msg, value, { max_length: rule.max });
      return undefined;
    }
    return value;
  }

  requiredString(name: string, rule: StringRule = {}): string | undefined {
    if (!(name in this.object)) {
      this.missing(name);
      return undefined;
    }
    return this.checkString(name, this.object[name], rule);
  }

  string(name: string, rule: StringRule = {}): string | undefined {
    const value = this.present(name);
    return value === undefined ? undefined : this.checkString(name, value, rule);
  }

  /** Whether the field was sent at all (pydantic's `model_fields_set`), null included. */
  has(name: string): boolean {
    return name in this.object;
  }

  /** Whether the field was sent as an explicit null. */
  isNull(name: string): boolean {
    return name in this.object && this.object[name] === null;
  }

  /** A pydantic validator's refusal: `value_error`, "Value error, ...". */
  valueError(name: string, message: string): void {
    this.issue(name, 'value_error', `Value error, ${message}`, this.object[name], { error: {} });
  }

  /** An int with optional bounds (pydantic's `ge`/`le`). Whole floats and numeric strings pass, as in lax mode. */
  int(name: string, bounds: Bounds = {}): number | undefined {
    const value = this.present(name);
    if (value === undefined) {
      return undefined;
    }
    let n: number;
    if (typeof value === 'boolean') {
      n = Number(value);
    } else if (typeof value === 'number') {
      if (!Number.isInteger(value)) {
        const msg = 'Input should be a valid integer, got a number with a fractional part';
        this.issue(name, 'int_from_float', msg, value);
        return undefined;
      }
      n = value;
    } else if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
      n = Number(value.trim());
    } else if (typeof value === 'string') {
      this.issue(name, 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer', value);
      return undefined;
    } else {
      this.issue(name, 'int_type', 'Input should be a valid integer', value);
      return undefined;
    }
    return this.bounded(name, n, value, bounds);
  }

  /** A float (pydantic's `float`): numbers and numeric strings. */
  number(name: string): number | undefined {
    const value = this.present(name);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return value;
    }
    if (typeof value === 'boolean') {
      return Number(value);
    }
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
      return Number(value);
    }
    if (typeof value === 'string') {
      this.issue(name, 'float_parsing', 'Input should be a valid number, unable to parse string as a number', value);
      return undefined;
    }
    this.issue(name, 'float_type', 'Input should be a valid number', value);
    return undefined;
  }

  private bounded(name: string, n: number, input: unknown, bounds: Bounds): number | undefined {
    if (bounds.ge !== undefined && n < bounds.ge) {
      this.issue(name, 'greater_than_equal', `Input should be greater than or equal to ${bounds.ge}`, input, {
        ge: bounds.ge,
      });
      return undefined;
    }
    if (bounds.le !== undefined && n > bounds.le) {
      this.issue(name, 'less_than_equal', `Input should be less than or equal to ${bounds.le}`, input, {
        le: bounds.le,
      });
      return undefined;
    }
    return n;
  }

  bool(name: string): boolean | undefined {
    const value = this.present(name);
    if (value === undefined || typeof value === 'boolean') {
      return value;
    }
    if (value === 0 || value === 1) {
      return value === 1;
    }
    if (typeof value === 'string') {
      const word = value.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      this.issue(name, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', value);
      return undefined;
    }
    this.issue(name, 'bool_type', 'Input should be a valid boolean', value);
    return undefined;
  }

  /** A datetime, in milliseconds since the epoch. */
  datetime(name: string): number | undefined {
    const value = this.present(name);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return value > 2e10 ? value : value * 1000;
    }
    if (typeof value !== 'string') {
      this.issue(name, 'datetime_type', 'Input should be a valid datetime', value);
      return undefined;
    }
    const ms = parseDatetime(value.trim());
    if (ms === null) {
      this.issue(name, 'datetime_parsing', `Input should be a valid datetime, ${datetimeProblem(value.trim())}`, value);
      return undefined;
    }
    return ms;
  }

  /** One of `values` (a str Enum). */
  enumValue<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.present(name);
    if (value === undefined) {
      return undefined;
    }
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) {
      return value as T;
    }
    const list = expected(values);
    this.issue(name, 'enum', `Input should be ${list}`, value, { expected: list });
    return undefined;
  }

  stringList(name: string, max?: number): string[] | undefined {
    const value = this.present(name);
    if (value === undefined) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.issue(name, 'list_type', 'Input should be a valid list', value);
      return undefined;
    }
    if (max !== undefined && value.length > max) {
      const msg = `List should have at most ${plural(max, 'item')} after validation, not ${value.length}`;
      this.issue(name, 'too_long', msg, value, { field_type: 'List', max_length: max, actual_length: value.length });
      return undefined;
    }
    const before = this.issues.length;
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.issues.push({
          type: 'string_type',
          loc: [...this.loc, name, i],
          msg: 'Input should be a valid string',
          input: item,
        });
      }
    });
    return this.issues.length === before ? (value as string[]) : undefined;
  }

  /** An object passed through as it is (e.g. geolocation). */
  object_(name: string): JsonObject | undefined {
    const value = this.present(name);
    if (value === undefined) {
      return undefined;
    }
    return BodyReader.model(this.issues, value, [...this.loc, name]) ? (value as JsonObject) : undefined;
  }

  /** A required list of models, at most `max` long; each item read by `read`. */
  modelList<T>(name: string, max: number, read: (item: BodyReader) => T): T[] | undefined {
    if (!(name in this.object)) {
      this.missing(name);
      return undefined;
    }
    const value = this.object[name];
    if (!Array.isArray(value)) {
      this.issue(name, 'list_type', 'Input should be a valid list', value);
      return undefined;
    }
    if (value.length > max) {
      const msg = `List should have at most ${plural(max, 'item')} after validation, not ${value.length}`;
      this.issue(name, 'too_long', msg, value, { field_type: 'List', max_length: max, actual_length: value.length });
      return undefined;
    }
    const before = this.issues.length;
    const items = value.map((item, i) => {
      const reader = BodyReader.model(this.issues, item, [...this.loc, name, i]);
      return reader ? read(reader) : undefined;
    });
    return this.issues.length === before ? (items as T[]) : undefined;
  }
}
