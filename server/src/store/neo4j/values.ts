/**
 * Scalar values at the edge between the wire format (JSON strings and numbers) and what Neo4j
 * stores: calendar dates as Neo4j DATE, instants as ZONED DATETIME (offset Z), whole numbers as
 * INTEGER. Everything read from the driver arrives as `unknown` and is narrowed here; nothing else
 * in the adapter touches driver value types.
 */
import {
  Date as Neo4jDate,
  DateTime as Neo4jDateTime,
  int,
  isDate,
  isDateTime,
  isInt,
  type Integer,
} from 'neo4j-driver';

/** A Neo4j DATE as the adapter writes it. */
export type StoredDate = Neo4jDate<number>;
/** A Neo4j ZONED DATETIME as the adapter writes it. */
export type StoredDateTime = Neo4jDateTime<number>;

/** A value the adapter writes as a property or parameter. */
export type PropertyValue =
  string | number | boolean | Integer | StoredDate | StoredDateTime | readonly string[] | null;

/** Properties of a node or relationship, or a map parameter. */
export type PropertyMap = Readonly<Record<string, PropertyValue>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A number from the driver: an Integer (how INTEGER arrives by default), a number (FLOAT) or a bigint. */
export function numberOf(value: unknown, what: string): number {
  if (isInt(value)) {
    if (!value.inSafeRange()) throw new Error(`${what} is out of the safe integer range`);
    return value.toNumber();
  }
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`${what} is not a number`);
}

/** An INTEGER parameter or property (the driver sends plain JS numbers as FLOAT). */
export function toInteger(value: number): Integer {
  return int(value);
}

/** `YYYY-MM-DD` → DATE. */
export function toNeoDate(iso: string): StoredDate {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`'${iso}' is not a date in the form YYYY-MM-DD`);
  return new Neo4jDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A nullable `YYYY-MM-DD` → DATE or null. */
export function toNeoDateOrNull(iso: string | null): StoredDate | null {
  return iso === null ? null : toNeoDate(iso);
}

/** DATE → `YYYY-MM-DD`. */
export function fromNeoDate(value: unknown, what: string): string {
  if (!isDate(value)) throw new Error(`${what} is not a Neo4j DATE`);
  const year = numberOf(value.year, `${what}.year`);
  const month = numberOf(value.month, `${what}.month`);
  const day = numberOf(value.day, `${what}.day`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A DATE or an absent property → `YYYY-MM-DD` or null. */
export function fromNeoDateOrNull(value: unknown, what: string): string | null {
  return value === undefined || value === null ? null : fromNeoDate(value, what);
}

/**
 * An ISO 8601 instant → ZONED DATETIME in UTC (offset 0), to the millisecond. Every timestamp
 * Octograph makes is `Date.toISOString()` output, which this keeps exactly; other spellings of
 * the same instant (another offset, no fraction, more than 3 fraction digits) read back in that
 * canonical form.
 */
export function toNeoDateTime(iso: string): StoredDateTime {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`'${iso}' is not an ISO 8601 timestamp`);
  const instant = new Date(millis);
  return new Neo4jDateTime(
    instant.getUTCFullYear(),
    instant.getUTCMonth() + 1,
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
    instant.getUTCMilliseconds() * 1_000_000,
    0,
  );
}

/** ZONED DATETIME → `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date.toISOString()` gives). */
export function fromNeoDateTime(value: unknown, what: string): string {
  if (!isDateTime(value)) throw new Error(`${what} is not a Neo4j DATETIME`);
  if (value.timeZoneOffsetSeconds === undefined) {
    throw new Error(`${what} has no time zone offset`);
  }
  // The fields are the local date and time at the stored offset; Date.UTC would map years 0-99
  // to 1900-1999, so the year is set on its own.
  const local = new Date(0);
  local.setUTCFullYear(
    numberOf(value.year, `${what}.year`),
    numberOf(value.month, `${what}.month`) - 1,
    numberOf(value.day, `${what}.day`),
  );
  local.setUTCHours(
    numberOf(value.hour, `${what}.hour`),
    numberOf(value.minute, `${what}.minute`),
    numberOf(value.second, `${what}.second`),
    Math.floor(numberOf(value.nanosecond, `${what}.nanosecond`) / 1_000_000),
  );
  const offsetSeconds = numberOf(value.timeZoneOffsetSeconds, `${what}.timeZoneOffsetSeconds`);
  return new Date(local.getTime() - offsetSeconds * 1000).toISOString();
}

/** A property that holds a string, or is absent (null). */
export function stringOrNull(value: unknown, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Error(`${what} is not a string`);
  return value;
}

/** A map returned by a query (`n {.*}`), as a record of unknown values. */
export function asMap(value: unknown, what: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not a map`);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** A list of strings, as in a parameter of ids. */
export function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value.map((item: unknown, index) => {
    if (typeof item !== 'string') throw new Error(`${what}[${index}] is not a string`);
    return item;
  });
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
