/**
 * TESTS ONLY. The contract suite needs an empty database before each case; this deletes every
 * node and relationship of the configured database (constraints and indexes stay). Nothing in the
 * server imports it.
 */
import { routing } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { closeDriver, createDriver } from './connection.js';
import { EMPTY_DATABASE } from './queries.js';

/** Deletes everything in the database `config` names. */
export async function emptyNeo4jDatabase(config: Neo4jConfig): Promise<void> {
  const driver = createDriver(config);
  try {
    await driver.executeQuery(
      EMPTY_DATABASE.text,
      {},
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- neo4j-driver declares QueryConfig as a class but takes a plain object, as it documents
      { database: config.database, routing: routing.WRITE },
    );
  } finally {
    await closeDriver(driver);
  }
}

/** What `CALL dbms.components()` names: "Neo4j Kernel 5.26.30 community", one per component. */
export async function neo4jComponents(config: Neo4jConfig): Promise<string[]> {
  const driver = createDriver(config);
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- neo4j-driver declares QueryConfig as a class but takes a plain object, as it documents
      { database: config.database, routing: routing.READ },
    );
    return records.map((record) => {
      const versions = record.get('versions') as unknown;
      const list = Array.isArray(versions) ? versions.map(String).join(', ') : String(versions);
      return `${String(record.get('name'))} ${list} ${String(record.get('edition'))}`;
    });
  } finally {
    await closeDriver(driver);
  }
}
