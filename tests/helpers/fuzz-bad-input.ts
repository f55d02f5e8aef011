/**
 * fast-check generators of input that is bad for certain, for the API fuzz test
 * (tests/api/fuzz.test.ts). A field is described by a FieldSpec (what the schema accepts); from
 * it come good values (to build a valid body) and bad values (each breaks that field whatever
 * the others hold). Whole bodies, query strings and path segments are broken the same way: take
 * something valid and break exactly one thing, so the request is invalid by construction.
 */
import fc from 'fast-check';

/** Strings that look like an attack on the database; none is a valid id, enum, date or e-mail. */
export const INJECTIONS = [
  "' OR 1=1 --",
  'MATCH (n) DETACH DELETE n',
  '"; DROP TABLE nodes; --',
  "x' UNION SELECT password_hash FROM users --",
  '1; DELETE FROM audit_log',
  '} RETURN n //',
  '$where: 1 == 1',
  '<script>alert(1)</script>',
] as const;

/** What a field accepts, as the graph-schema schema says. */
export type FieldSpec = (
  | { type: 'id' }
  | { type: 'string'; min: number; max: number; trimmed?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'int'; min: number; max: number }
  | { type: 'number'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'email' }
  | { type: 'url' }
  | { type: 'list'; item: FieldSpec; max: number }
  /** A field too involved to describe here: the route gives its bad values itself. */
  | { type: 'custom'; bad: fc.Arbitrary<Json> }
) & { nullable?: boolean };

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = Record<string, Json>;

/** A request body as sent: the bytes, their content type, and what makes them bad. */
export interface BadBody {
  payload: string | Buffer;
  contentType: string | undefined;
  why: string;
}

const injection: fc.Arbitrary<string> = fc.constantFrom(...INJECTIONS);

/** Characters an id may not hold (IdSchema: letters, digits and `. _ : -`). */
const NOT_ID_CHARS = [
  ' ',
  '/',
  '?',
  '#',
  '%',
  "'",
  '"',
  ';',
  '\\',
  'é',
  '😀',
  '\n',
  '\0',
  '<',
  '*',
];

/** A string of `length` characters (fast to build even when long). */
function longString(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('a', 'é', 'x y', '漢'))
    .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))
    .filter((text) => text.length >= min);
}

/** Values of a JSON type the field never accepts. */
function wrongType(spec: FieldSpec): fc.Arbitrary<Json> {
  const options: fc.Arbitrary<Json>[] = [
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.constant({ value: 'nested' }),
  ];
  if (!spec.nullable) options.push(fc.constant(null));
  switch (spec.type) {
    case 'int':
    case 'number':
      options.push(fc.constant('2'), fc.boolean(), fc.constant('1e3'));
      break;
    case 'bool':
      options.push(fc.constantFrom('true', 'false', 'yes'), fc.integer({ min: 0, max: 1 }));
      break;
    case 'list':
      options.push(fc.constant('not a list'), fc.integer());
      break;
    default:
      options.push(fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  }
  return fc.oneof(...options);
}

/** Whether graph-schema's IdSchema accepts `text`. */
function isValidId(text: string): boolean {
  return text.length <= 100 && /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(text);
}

/** An id with at least one character ids may not hold, or of a length they may not have. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  injection,
  fc.constant(''),
  longString(101, 900),
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{0,8}$/),
      fc.constantFrom(...NOT_ID_CHARS),
      fc.stringMatching(/^[a-z0-9]{0,8}$/),
    )
    .map(([before, bad, after]) => `${before}${bad}${after}`),
  fc.stringMatching(/^[a-z0-9]{1,8}$/).map((rest) => `-${rest}`),
  fc.stringMatching(/^[a-z0-9]{1,8}$/).map((rest) => `.${rest}`),
);

/** A well-formed id that names nothing in the store. */
export const unknownId: fc.Arbitrary<string> = fc
  .stringMatching(/^[a-z0-9]{1,24}$/)
  .map((rest) => `fuzz-unknown-${rest}`);

const badDate = fc.oneof(
  injection,
  fc.constantFrom(
    '2024-13-01',
    '2024-00-10',
    '2023-02-30',
    '24-01-01',
    '2024-1-1',
    '2024-01-01T00:00:00Z',
    'tomorrow',
    '',
  ),
);

/** Values that break a field of this spec, whatever the other fields hold. */
export function badValue(spec: FieldSpec): fc.Arbitrary<Json> {
  const wrong = wrongType(spec);
  switch (spec.type) {
    case 'id':
      return fc.oneof(badId, wrong);
    case 'string': {
      const options: fc.Arbitrary<Json>[] = [wrong, longString(spec.max + 1, spec.max + 3000)];
      if (spec.min >= 1) options.push(fc.constant(''));
      if (spec.min >= 1 && spec.trimmed === true) options.push(fc.constantFrom(' ', '  \t\n '));
      if (spec.min > 1) options.push(longString(1, spec.min - 1));
      return fc.oneof(...options);
    }
    case 'enum':
      return fc.oneof(
        wrong,
        injection,
        fc.constantFrom(...spec.values).map((value) => `${value.toUpperCase()}x`),
        fc.constantFrom(...spec.values).map((value) => ` ${value}`),
      );
    case 'date':
      return fc.oneof(wrong, badDate);
    case 'int':
      return fc.oneof(
        wrong,
        fc.integer({ min: spec.max + 1, max: spec.max + 1_000_000 }),
        fc.integer({ min: spec.min - 1_000_000, max: spec.min - 1 }),
        fc.constant(spec.min + 0.5),
      );
    case 'number':
      return fc.oneof(
        wrong,
        fc.double({ min: spec.max * 1.01 + 1, max: 1e300, noNaN: true }),
        fc.double({ min: -1e300, max: spec.min * 1.01 - 1, noNaN: true }),
      );
    case 'bool':
      return wrong;
    case 'email':
      return fc.oneof(
        wrong,
        injection,
        fc.constantFrom('not-an-email', 'a@', '@example.org', 'a b@example.org', ''),
        longString(255, 400).map((local) => `${local}@example.org`),
      );
    case 'url':
      return fc.oneof(
        wrong,
        injection,
        fc.constantFrom('javascript:alert(1)', 'ftp://files.example.org', 'not a url', 'http//x'),
      );
    case 'list':
      return fc.oneof(
        wrong,
        badValue(spec.item).map((item) => [item]),
        fc.array(goodValue(spec.item), { minLength: spec.max + 1, maxLength: spec.max + 20 }),
      );
    case 'custom':
      return spec.bad;
  }
}

/** Values a field of this spec accepts. */
export function goodValue(spec: FieldSpec): fc.Arbitrary<Json> {
  const good = ((): fc.Arbitrary<Json> => {
    switch (spec.type) {
      case 'id':
        return fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
      case 'string':
        return fc
          .oneof(
            injection,
            fc
              .string({ minLength: 0, maxLength: 40, unit: 'grapheme' })
              .map((text) => `Fuzz ${text}`),
          )
          .filter((text) => text.trim().length >= spec.min && text.length <= spec.max);
      case 'enum':
        return fc.constantFrom(...spec.values);
      case 'date':
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10));
      case 'int':
        return fc.integer({ min: spec.min, max: spec.max });
      case 'number':
        return fc.double({ min: spec.min, max: spec.max, noNaN: true });
      case 'bool':
        return fc.boolean();
      case 'email':
        return fc.stringMatching(/^[a-z]{1,10}$/).map((name) => `${name}@example.org`);
      case 'url':
        return fc.stringMatching(/^[a-z]{1,10}$/).map((name) => `https://${name}.example.org/`);
      case 'list':
        return fc.array(goodValue(spec.item), { maxLength: Math.min(spec.max, 3) });
      case 'custom':
        throw new Error('a custom field has no generic good value: give the valid body');
    }
  })();
  return spec.nullable ? fc.oneof(good, fc.constant(null)) : good;
}

/** What a JSON body must be: its fields, and which of them it must have. */
export interface BodyShape {
  fields: Readonly<Record<string, FieldSpec>>;
  required: readonly string[];
}

/** Nested arrays or objects `depth` levels deep, as JSON text. */
function deepJson(depth: number, objects: boolean): string {
  return objects
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Stands for a value in JSON text until the text is spliced (deep nesting, invalid bytes). */
const PLACEHOLDER = '__fuzz_placeholder__';

/** Content types the API does not read (it reads JSON, and text/plain as a string). */
export const UNREAD_CONTENT_TYPES = [
  'application/xml',
  'application/x-www-form-urlencoded',
  'image/png',
  'application/octet-stream',
  'application/json-patch+json',
] as const;

/** Bodies that are not JSON at all, or JSON the parser refuses. */
export function unreadableBody(valid: fc.Arbitrary<JsonObject>): fc.Arbitrary<BadBody> {
  return fc.oneof(
    fc.tuple(valid, fc.constantFrom(...UNREAD_CONTENT_TYPES)).map(([body, contentType]) => ({
      payload: JSON.stringify(body),
      contentType,
      why: `a JSON body sent as ${contentType}`,
    })),
    fc.tuple(valid, fc.integer({ min: 1, max: 40 })).map(([body, cut]) => {
      const text = JSON.stringify(body);
      return {
        payload: text.slice(0, Math.max(0, text.length - cut)),
        contentType: 'application/json',
        why: 'JSON cut short',
      };
    }),
    fc
      .constantFrom(
        "{'kind': 'organisation'}",
        '{"a": 1,}',
        'undefined',
        '{"a": NaN}',
        '{"__proto__": {"admin": true}}',
        '{"constructor": {"prototype": {"admin": true}}}',
        '',
      )
      .map((payload) => ({ payload, contentType: 'application/json', why: 'malformed JSON' })),
    valid.map((body) => ({
      payload: `${JSON.stringify(body)} trailing`,
      contentType: 'application/json',
      why: 'JSON with text after it',
    })),
    // Above BODY_LIMIT (1 MiB by default): refused before it is parsed.
    fc.integer({ min: 1_048_577, max: 1_100_000 }).map((size) => ({
      payload: `{"a":"${'x'.repeat(size)}"}`,
      contentType: 'application/json',
      why: 'a body above the body limit',
    })),
  );
}

/**
 * Bodies for a route whose schema is `shape`: a valid body with exactly one thing broken — a
 * field of the wrong type or beyond its limits, an unknown field, a required field left out, a
 * value nested thousands of levels deep, invalid UTF-8 inside a string — or no JSON object at all.
 */
export function badBody(valid: fc.Arbitrary<JsonObject>, shape: BodyShape): fc.Arbitrary<BadBody> {
  const names = Object.keys(shape.fields);
  const json = (body: Json, why: string): BadBody => ({
    payload: JSON.stringify(body),
    contentType: 'application/json',
    why,
  });
  const stringFields = names.filter((name) => {
    const type = shape.fields[name]?.type;
    return type === 'string' || type === 'id' || type === 'email' || type === 'enum';
  });

  const kinds: fc.Arbitrary<BadBody>[] = [
    fc
      .constantFrom(...names)
      .chain((name) =>
        fc
          .tuple(valid, badValue(fieldSpec(shape, name)))
          .map(([body, bad]) => json({ ...body, [name]: bad }, `bad ${name}`)),
      ),
    fc
      .tuple(
        valid,
        fc.string({ minLength: 1, maxLength: 30 }).filter((key) => !names.includes(key)),
        goodValue({ type: 'string', min: 0, max: 50 }),
      )
      .map(([body, key, value]) => json({ ...body, [key]: value }, `unknown field ${key}`)),
    fc
      .tuple(valid, fc.oneof(...[...names, 'body'].map((name) => fc.constant(name))))
      .chain(([body, where]) =>
        fc.tuple(fc.integer({ min: 1_000, max: 12_000 }), fc.boolean()).map(([depth, objects]) => {
          const text = JSON.stringify(
            where === 'body' ? PLACEHOLDER : { ...body, [where]: PLACEHOLDER },
          );
          return {
            payload: text.replace(JSON.stringify(PLACEHOLDER), deepJson(depth, objects)),
            contentType: 'application/json',
            why: `${where} nested ${String(depth)} levels deep`,
          };
        }),
      ),
    fc
      .constantFrom<Json>([], [1, 2], 'text', 42, true, null)
      .map((body) => json(body, 'a body that is not an object')),
    valid.map((body) => ({
      payload: JSON.stringify(body),
      contentType: 'text/plain',
      why: 'a JSON body sent as text/plain',
    })),
    unreadableBody(valid),
  ];
  if (shape.required.length > 0) {
    kinds.push(
      fc.tuple(valid, fc.constantFrom(...shape.required)).map(([body, name]) => {
        const rest = Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
        return json(rest, `no ${name}`);
      }),
    );
  }
  if (stringFields.length > 0) {
    kinds.push(
      fc
        .tuple(
          valid,
          fc.constantFrom(...stringFields),
          fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]),
        )
        .map(([body, name, bytes]) => {
          const value = body[name];
          // Appended to the field's valid text (or alone, when the body leaves the field out).
          const text = JSON.stringify({
            ...body,
            [name]: `${typeof value === 'string' ? value : ''}${PLACEHOLDER}`,
          });
          const [before = '', after = ''] = text.split(PLACEHOLDER);
          return {
            payload: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]),
            contentType: 'application/json',
            why: `invalid UTF-8 bytes in ${name}`,
          };
        }),
    );
  }
  return fc.oneof(...kinds);
}

function fieldSpec(shape: BodyShape, name: string): FieldSpec {
  const spec = shape.fields[name];
  if (!spec) throw new Error(`no field ${name} in the shape`);
  return spec;
}

/** What a query parameter accepts. */
export type QuerySpec =
  | { type: 'whole'; min: number; max: number | null }
  | { type: 'list'; values: readonly string[] | 'id' }
  | { type: 'text'; min: number; max: number; trimmed: boolean }
  | { type: 'date' }
  | { type: 'id' }
  | { type: 'enum'; values: readonly string[] };

/** A query parameter's value: one, or a key repeated. */
export type QueryValue = string | readonly string[];

/** A query string value that is not a whole number in [min, max] (wholeNumberParam). */
function badWholeNumber(min: number, max: number | null): fc.Arbitrary<string> {
  const options = [
    injection,
    fc.constantFrom('abc', '1.5', '1e2', '0x10', ' 7', '-1', '9999999999', 'NaN', 'Infinity'),
  ];
  if (max !== null) options.push(fc.integer({ min: max + 1, max: max + 99_999 }).map(String));
  if (min > 0) options.push(fc.integer({ min: 0, max: min - 1 }).map(String));
  return fc.oneof(...options);
}

/** One item of a comma list that is not one of `values` (nor a valid id, for id lists). */
function badListItem(values: readonly string[] | 'id'): fc.Arbitrary<string> {
  // The server splits on commas and trims each item, so the trimmed item must be bad.
  const notListed = (text: string) =>
    !text.includes(',') &&
    text.trim() !== '' &&
    (values === 'id' ? !isValidId(text.trim()) : !values.includes(text.trim()));
  return fc
    .oneof(
      injection,
      values === 'id' ? badId : fc.stringMatching(/^[A-Za-z_]{1,12}$/),
      longString(101, 400),
    )
    .filter(notListed);
}

/** Values that break a query parameter of this spec. */
export function badQueryValue(spec: QuerySpec): fc.Arbitrary<QueryValue> {
  // A parameter that is not a list takes one value; the key twice is refused.
  const repeated = fc.constant(['1', '2']);
  switch (spec.type) {
    case 'whole':
      return fc.oneof(badWholeNumber(spec.min, spec.max), repeated);
    case 'list': {
      const tooMany = Array.from({ length: 101 }, (_, index) => `item-${String(index)}`).join(',');
      return spec.values === 'id'
        ? fc.oneof(badListItem('id'), fc.constant(tooMany))
        : badListItem(spec.values);
    }
    case 'text': {
      const options: fc.Arbitrary<QueryValue>[] = [
        longString(spec.max + 1, spec.max + 2000),
        repeated,
      ];
      if (spec.min >= 1) options.push(fc.constant(''));
      if (spec.min >= 1 && spec.trimmed) options.push(fc.constant('   '));
      return fc.oneof(...options);
    }
    case 'date':
      return fc.oneof(badDate, repeated);
    case 'id':
      return fc.oneof(badId, repeated);
    case 'enum':
      return fc.oneof(
        injection,
        fc.constant(''),
        fc.constantFrom(...spec.values).map((value) => `${value.toUpperCase()}x`),
        repeated,
      );
  }
}

/**
 * Query strings for a route whose query schema is `specs`: a valid query with one parameter
 * broken, or (when the schema refuses unknown keys) an unknown key added.
 */
export function badQuery(
  valid: fc.Arbitrary<Record<string, QueryValue>>,
  specs: Readonly<Record<string, QuerySpec>>,
  options: { strict: boolean },
): fc.Arbitrary<{ query: Record<string, QueryValue>; why: string }> {
  const names = Object.keys(specs);
  const kinds = [
    fc.constantFrom(...names).chain((name) => {
      const spec = specs[name];
      if (!spec) throw new Error(`no query parameter ${name}`);
      return fc
        .tuple(valid, badQueryValue(spec))
        .map(([query, bad]) => ({ query: { ...query, [name]: bad }, why: `bad query ${name}` }));
    }),
  ];
  if (options.strict) {
    kinds.push(
      fc
        .tuple(
          valid,
          fc.stringMatching(/^[a-z_]{1,12}$/).filter((key) => !names.includes(key)),
        )
        .map(([query, key]) => ({ query: { ...query, [key]: '1' }, why: `unknown query ${key}` })),
    );
  }
  return fc.oneof(...kinds);
}

/** Query text of `params` (each value a string, or a list for a repeated key). */
export function queryText(params: Readonly<Record<string, string | readonly string[]>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of typeof value === 'string' ? [value] : value) search.append(key, item);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** A path segment: the value percent-encoded, or bytes that are not valid percent-encoded UTF-8. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Path segments that are bad whatever the route wants: broken percent-encoding, too long. */
export const badRawSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%C0%AF', '%ED%A0%80', '%FF'),
  badId.map(segment),
  fc.integer({ min: 1001, max: 3000 }).map((length) => 'a'.repeat(length)),
);
