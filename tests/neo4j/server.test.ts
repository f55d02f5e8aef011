/**
 * Which Neo4j the `neo4j` project ran against: the version it reports (`CALL dbms.components()`),
 * printed for CI's log, and checked to be the 5.x the adapter is written for.
 */
import { describe, expect, it } from 'vitest';
import { neo4jComponents } from '../../server/src/store/neo4j/test-support.js';
import { neo4jVariables } from '../helpers/neo4j-env.js';
import { neo4jConfigOf } from '../helpers/neo4j.js';

describe('the Neo4j server the suites run against', () => {
  it('is Neo4j 5 (printed from dbms.components())', async () => {
    const components = await neo4jComponents(neo4jConfigOf(neo4jVariables(process.env)));
    console.log(`neo4j: the suites ran against ${components.join('; ')}`);
    expect(components.join('; ')).toMatch(/^Neo4j Kernel 5\.\d+\.\d+ /);
  });
});
