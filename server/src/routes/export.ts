/**
 * GET /api/export: the whole network, or the view the map shows for the same filters, as a file
 * to download: Octograph's JSON network file, a Kumu-layout workbook, the same two tables as CSV
 * files in a zip, GEXF or GraphML. Every format holds only what the caller may see.
 */
import { NetworkFileSchema } from '@octograph/graph-schema';
import { readerOf } from '../plugins/auth.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportContent,
  exportTables,
  ExportQuerySchema,
  type ExportFormat,
} from '../exchange/export-content.js';
import { writeCsvZip } from '../exchange/write-csv.js';
import { writeGraphXml } from '../exchange/write-graph-xml.js';
import { writeXlsx } from '../exchange/write-xlsx.js';
import { networkFileOf } from '../exchange/export-network.js';
import type { NetworkContent } from '../store/graph-store.js';
import { errorResponses } from './responses.js';

/** Each format's file name extension and content type. */
const FILE_TYPES: Readonly<Record<ExportFormat, { extension: string; contentType: string }>> = {
  json: { extension: 'json', contentType: 'application/json; charset=utf-8' },
  xlsx: {
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  csv: { extension: 'zip', contentType: 'application/zip' },
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8' },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8' },
};

/** The file's bytes, documented in OpenAPI as a binary string. */
const FileSchema = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });

/** The file's bytes. Always a Buffer, which Fastify sends as it is (no response serialiser). */
async function fileOf(format: ExportFormat, content: NetworkContent): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(`${JSON.stringify(networkFileOf(content), null, 2)}\n`);
    case 'xlsx':
      return writeXlsx(exportTables(content));
    case 'csv':
      return writeCsvZip(exportTables(content));
    case 'gexf':
    case 'graphml': {
      const positions = new Map(content.positions.map((position) => [position.id, position]));
      return Buffer.from(writeGraphXml(format, exportTables(content), positions));
    }
  }
}

const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Download the network, or the filtered map view, as a file',
        description:
          '`format`: `json` (Octograph’s network file, the default: every field and the saved positions, imports back losslessly), `xlsx` (a Kumu-layout workbook with an Elements and a Connections sheet), `csv` (the same two tables as elements.csv and connections.csv in a zip), `gexf` (Gephi, with saved positions) or `graphml`. Without filters the whole network is exported; with the filters of GET /api/map, the nodes that pass and the links among them. A person’s e-mail and phone appear only where the caller may see them (public for everyone, network for signed-in users, attendees for people who met them at a meeting, private for editors and the person).',
        tags: ['export'],
        querystring: ExportQuerySchema,
        response: {
          200: {
            description: 'The file, as an attachment named octograph-<date>.<extension>.',
            content: {
              [FILE_TYPES.json.contentType]: { schema: NetworkFileSchema },
              [FILE_TYPES.xlsx.contentType]: { schema: FileSchema },
              [FILE_TYPES.csv.contentType]: { schema: FileSchema },
              [FILE_TYPES.gexf.contentType]: { schema: FileSchema },
              [FILE_TYPES.graphml.contentType]: { schema: FileSchema },
            },
          },
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await fileOf(
        format,
        await exportContent(app.store, filter, await readerOf(app, request)),
      );
      const { extension, contentType } = FILE_TYPES[format];
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type(contentType)
        .header('content-disposition', `attachment; filename="octograph-${date}.${extension}"`)
        .send(file);
    },
  );
  await Promise.resolve();
};

export default exportRoutes;
