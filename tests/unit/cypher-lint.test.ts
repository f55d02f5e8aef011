/**
 * Every Cypher statement of the Neo4j adapter, checked by Neo4j's own Cypher front end
 * (@neo4j-cypher/language-support: the parser and semantic analysis of the database, compiled to
 * JavaScript) against a schema declared from graph-schema: labels from NODE_KINDS, relationship
 * types from LINK_KINDS, property keys from the schemas' field names plus the adapter's own, and the
 * parameters each statement declares. No server is needed, so this runs everywhere; a statement
 * with a syntax error, an unknown variable, label, type, function or parameter fails here.
 */
import { createRequire } from 'node:module';
import type * as LanguageSupport from '@neo4j-cypher/language-support';
import {
  EmailContactSchema,
  GraphNodeSchema,
  LINK_KINDS,
  LinkSchema,
  NODE_KINDS,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { ADAPTER_PROPERTY_KEYS } from '../../server/src/store/neo4j/properties.js';
import * as queries from '../../server/src/store/neo4j/queries.js';
import type { CypherQuery, ParamType } from '../../server/src/store/neo4j/queries.js';

// The package's ESM build imports files without extensions, which Node refuses; its CommonJS
// build works, so it is loaded through require (types still come from the package).
const { lintCypherQuery } = createRequire(import.meta.url)(
  '@neo4j-cypher/language-support',
) as typeof LanguageSupport;

/** The language server's severities (LSP DiagnosticSeverity). */
const ERROR = 1;
const WARNING = 2;

const LABELS = [
  queries.NODE_LABEL,
  queries.COUNTER_LABEL,
  queries.DISMISSAL_LABEL,
  queries.USER_LABEL,
  queries.SESSION_LABEL,
  queries.AUDIT_ENTRY_LABEL,
  ...NODE_KINDS.map((kind) => queries.NODE_LABELS[kind]),
];

const PROPERTY_KEYS = new Set<string>([
  ...GraphNodeSchema.options.flatMap((schema) => Object.keys(schema.shape)),
  ...Object.keys(LinkSchema.shape),
  ...Object.keys(EmailContactSchema.shape),
  ...ADAPTER_PROPERTY_KEYS,
]);

/** A value of each parameter type, as the adapter would send it. */
const SAMPLE_VALUES: Record<ParamType, unknown> = {
  STRING: 'larder',
  'STRING?': null,
  'LIST<STRING>': ['larder'],
  'LIST<STRING>?': null,
  INTEGER: 1,
  'INTEGER?': null,
  BOOLEAN: true,
  'DATE?': null,
  MAP: { id: 'larder' },
  'LIST<MAP>': [{ id: 'larder', x: 1.5, y: 2 }],
};

function fn(
  name: string,
  args: [string, string][],
  returns: string,
  aggregating = false,
): LanguageSupport.Neo4jFunction {
  return {
    name,
    category: '',
    description: '',
    isBuiltIn: true,
    argumentDescription: args.map(([arg, type]) => ({
      name: arg,
      description: '',
      type,
      isDeprecated: false,
    })),
    returnDescription: returns,
    signature: `${name}(${args.map(([arg, type]) => `${arg} :: ${type}`).join(', ')}) :: ${returns}`,
    aggregating,
    isDeprecated: false,
  };
}

/**
 * The Neo4j 5 built-in functions the adapter may call. Declaring them makes the linter report any
 * other function, such as a misspelt one; README.md lists the same set.
 */
const FUNCTIONS = {
  'CYPHER 5': Object.fromEntries(
    [
      fn('coalesce', [['input', 'ANY']], 'ANY'),
      fn('type', [['input', 'RELATIONSHIP']], 'STRING'),
      fn('startNode', [['input', 'RELATIONSHIP']], 'NODE'),
      fn('endNode', [['input', 'RELATIONSHIP']], 'NODE'),
      fn('count', [['input', 'ANY']], 'INTEGER', true),
    ].map((declared) => [declared.name, declared]),
  ),
};

function schemaFor(query: CypherQuery): LanguageSupport.DbSchema {
  return {
    labels: LABELS,
    relationshipTypes: [...LINK_KINDS],
    propertyKeys: [...PROPERTY_KEYS],
    parameters: Object.fromEntries(
      Object.entries(query.params).map(([name, type]) => [name, SAMPLE_VALUES[type]]),
    ),
    functions: FUNCTIONS,
  };
}

function isQuery(value: unknown): value is CypherQuery {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { text?: unknown }).text === 'string' &&
    typeof (value as { params?: unknown }).params === 'object'
  );
}

/** Every statement queries.ts exports: constants, and records of them (one per kind). */
function collectQueries(): [string, CypherQuery][] {
  return Object.entries(queries).flatMap(([name, value]): [string, CypherQuery][] => {
    if (isQuery(value)) return [[name, value]];
    if (typeof value !== 'object') return [];
    const members = Object.entries(value);
    return members.every(([, member]) => isQuery(member))
      ? members.map(([key, member]) => [`${name}.${key}`, member as CypherQuery])
      : [];
  });
}

/** Parameters a statement uses ($name). */
function parametersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1] ?? ''));
}

/**
 * Property keys a statement reads or writes: `variable.key` and `{key: ...}` in patterns and maps.
 * The linter does not check property keys, so this does.
 */
function propertyKeysIn(text: string): Set<string> {
  const withoutStrings = text.replace(/'[^']*'/g, "''");
  const accessed = [...withoutStrings.matchAll(/\b[a-z]\w*\.([A-Za-z_]\w*)/g)];
  const mapped = [...withoutStrings.matchAll(/[{,]\s*([A-Za-z_]\w*)\s*:/g)];
  return new Set([...accessed, ...mapped].map((match) => match[1] ?? ''));
}

function diagnostics(query: string, schema: LanguageSupport.DbSchema) {
  return lintCypherQuery(query, schema).map(({ severity, message }) => ({ severity, message }));
}

const ALL = collectQueries();

describe('Cypher of the Neo4j adapter', () => {
  it('collects every statement, one per node kind and link kind where they vary', () => {
    const names = ALL.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([
        'NODE_BY_ID',
        'LIST_NODES',
        'BUMP_REVISION',
        ...NODE_KINDS.map((kind) => `CREATE_NODE.${kind}`),
        ...LINK_KINDS.map((kind) => `CREATE_LINK.${kind}`),
        'SCHEMA.node_id_unique',
        'SCHEMA.user_email_unique',
        'SCHEMA.session_token_unique',
        'SCHEMA.audit_entry_id_unique',
        'LOCK_ACCOUNTS',
        'CREATE_AUDIT_ENTRY',
        'LIST_AUDIT',
        'LATER_AUDIT_ENTRY',
      ]) as unknown,
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(ALL)(
    '%s has no errors or warnings, and uses only declared parameters and property keys',
    (_name, query) => {
      expect(diagnostics(query.text, schemaFor(query))).toEqual([]);
      expect([...parametersIn(query.text)].sort()).toEqual(Object.keys(query.params).sort());
      const unknownKeys = [...propertyKeysIn(query.text)].filter((key) => !PROPERTY_KEYS.has(key));
      expect(unknownKeys).toEqual([]);
    },
  );
});

describe('the Cypher lint', () => {
  const schema = schemaFor({ text: '', params: { id: 'STRING' } });

  it.each([
    {
      mistake: 'a syntax error',
      query: 'MATCH (n:Node {id: $id) RETURN n',
      severity: ERROR,
      message: "Invalid input ')': expected an expression, ',' or '}'",
    },
    {
      mistake: 'an undefined variable',
      query: 'MATCH (n:Node {id: $id}) RETURN m',
      severity: ERROR,
      message: 'Variable `m` not defined',
    },
    {
      mistake: 'a misspelt label',
      query: 'MATCH (n:Organsation {id: $id}) RETURN n',
      severity: WARNING,
      message:
        "Label Organsation is not present in the database. Make sure you didn't misspell it or that it is available when you run this statement in your application",
    },
    {
      mistake: 'a misspelt relationship type',
      query: 'MATCH (n:Node {id: $id})-[:FOCUSSES_ON]->(t:Node) RETURN t',
      severity: WARNING,
      message:
        "Relationship type FOCUSSES_ON is not present in the database. Make sure you didn't misspell it or that it is available when you run this statement in your application",
    },
    {
      mistake: 'an undeclared parameter',
      query: 'MATCH (n:Node {id: $nodeId}) RETURN n',
      severity: ERROR,
      message: 'Parameter $nodeId is not defined.',
    },
    {
      mistake: 'a misspelt function',
      query: 'MATCH (n:Node {id: $id}) RETURN coalese(n.name, n.id) AS name',
      severity: ERROR,
      message:
        "Function coalese is not present in the database. Make sure you didn't misspell it or that it is available when you run this statement in your application",
    },
    {
      mistake: 'a cartesian product',
      query: 'MATCH (s:Node {id: $id}), (t:Node {id: $id}) CREATE (s)-[:FUNDS]->(t)',
      severity: WARNING,
      message: 'If a part of a query contains multiple disconnected patterns',
    },
  ])('reports $mistake', ({ query, severity, message }) => {
    const found = diagnostics(query, schema);
    expect(found).toContainEqual({
      severity,
      message: expect.stringContaining(message) as unknown,
    });
  });

  it('reports a property key that neither graph-schema nor the adapter declares', () => {
    const keys = propertyKeysIn('MATCH (n:Node {id: $id}) RETURN n.sortkey AS key');
    expect([...keys].filter((key) => !PROPERTY_KEYS.has(key))).toEqual(['sortkey']);
  });
});
