/**
 * /api/meetings: who came to a meeting, what each person shares, the links that formed there,
 * suggestions among the attendees and the attendee pack; and /api/similar-nodes, the "did you
 * mean …?" asked before a new organisation or person is added. A meeting itself is created and
 * edited as a node (POST/PATCH /api/nodes, kind `meeting`).
 */
import {
  roleAtLeast,
  AttendeeBodySchema,
  AttendeePackQuerySchema,
  AttendeePackSchema,
  AttendeeParamsSchema,
  AttendeeSchema,
  IdParamsSchema,
  MeetingDetailsSchema,
  MeetingLinksBodySchema,
  MeetingLinksResultSchema,
  MeetingListSchema,
  MeetingSuggestionsSchema,
  SimilarNodesQuerySchema,
  SimilarNodesSchema,
} from '@octograph/graph-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ForbiddenError } from '../errors.js';
import { readerOf, writerOf } from '../plugins/auth.js';
import { contentSecurityPolicy, cspHash } from '../plugins/security.js';
import {
  ATTENDEE_PACK_STYLE,
  attendeePackCsv,
  attendeePackHtml,
} from '../services/attendee-pack.js';
import { readerLanguage } from '../services/reader-language.js';
import { MeetingService } from '../services/meetings.js';
import { visibleLink } from '../services/privacy.js';
import { similarNodes } from '../services/similar-names.js';
import { errorResponses } from './responses.js';

const tags = ['meetings'];

/** The client's policy plus exactly the printable attendee page's own inline style. */
const ATTENDEE_PACK_CSP = contentSecurityPolicy([cspHash(ATTENDEE_PACK_STYLE)]);

const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const meetings = new MeetingService(app.store);

  app.get(
    '/meetings',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Every meeting, the latest first',
        tags,
        response: { 200: MeetingListSchema },
      },
    },
    async () => meetings.list(),
  );

  app.get(
    '/meetings/:id',
    {
      config: { access: 'read' },
      schema: {
        summary: 'A meeting: who came, what can be linked, and the links formed there',
        description:
          "`linkable` is the meeting's side of a link made there: the attendees and the organisations attending people work or volunteer at. `links` are those formed at the meeting, and `others` the people and organisations not in `linkable` that they join. 404 when there is no meeting with this id.",
        tags,
        params: IdParamsSchema,
        response: { 200: MeetingDetailsSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const details = await meetings.details(request.params.id);
      if (roleAtLeast(request.viewer.audience, 'editor')) return details;
      // What each person agreed to share, and which staff recorded it, is for editors.
      const reader = await readerOf(app, request);
      return {
        ...details,
        attendees: details.attendees.map((attendee) => ({ ...attendee, consent: null })),
        links: details.links.map((link) => visibleLink(link, reader)),
        recorders: {},
      };
    },
  );

  app.put(
    '/meetings/:id/attendees/:nodeId',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Add an attendee, or change what a person shares with the other attendees',
        description:
          'For a person, `shareEmail` and `sharePhone` (both default to false) are recorded with the time. Organisations share no contact details. 201 when added, 200 when changed.',
        tags,
        params: AttendeeParamsSchema,
        body: AttendeeBodySchema,
        response: { 200: AttendeeSchema, 201: AttendeeSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { attendee, created } = await meetings.setAttendee(
        request.params.id,
        request.params.nodeId,
        request.body,
        writerOf(request),
      );
      return reply.status(created ? 201 : 200).send(attendee);
    },
  );

  app.delete(
    '/meetings/:id/attendees/:nodeId',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Take an attendee off the list (links formed at the meeting stay)',
        tags,
        params: AttendeeParamsSchema,
        response: { 204: z.null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await meetings.removeAttendee(request.params.id, request.params.nodeId, writerOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/meetings/:id/links',
    {
      config: { access: 'edit' },
      schema: {
        summary: 'Add the links that formed at a meeting, all or nothing',
        description:
          'Each row: `source`, `target` (at least one of them an attendee or an organisation an attending person works or volunteers at; the other any person or organisation), `kind` (default COLLABORATES_WITH), optional `notes`, `strength` (1–3, default 1) and `collaborationType`. Every link gets the meeting, its date as `since`, and who added it. If any row is bad nothing is written, and the 400 names every bad row (`body.links[3].target`). A row naming a link that already exists is listed in `existing`, not added again. 201 when something was added, 200 when every row already existed.',
        tags,
        params: IdParamsSchema,
        body: MeetingLinksBodySchema,
        response: {
          200: MeetingLinksResultSchema,
          201: MeetingLinksResultSchema,
          ...errorResponses(400, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const result = await meetings.addLinks(
        request.params.id,
        request.body.links,
        writerOf(request),
      );
      return reply.status(result.created.length > 0 ? 201 : 200).send(result);
    },
  );

  app.get(
    '/meetings/:id/suggestions',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Attendee organisations not linked yet that might work together, with reasons',
        tags,
        params: IdParamsSchema,
        response: { 200: MeetingSuggestionsSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const ids = await meetings.organisationIds(request.params.id);
      return app.insightsView.introductionsAmong(ids);
    },
  );

  app.get(
    '/meetings/:id/attendee-pack',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Who came, with the contact details each attendee agreed to share',
        description:
          "`format`: `json` (default), `csv` (a download) or `html` (a page to print), in the language `lang` names, else the account's, else the first of Accept-Language that Octograph speaks. A contact detail appears only when that person agreed to share it with the other attendees.",
        tags,
        params: IdParamsSchema,
        querystring: AttendeePackQuerySchema,
        response: {
          200: AttendeePackSchema.or(z.string()),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { audience, user } = request.viewer;
      const attended =
        user?.personId != null && (await meetings.isAttendee(request.params.id, user.personId));
      // The pack holds what attendees shared with each other: for editors and those attendees.
      if (!roleAtLeast(audience, 'editor') && !attended) {
        throw new ForbiddenError(
          "a meeting's attendee list is for its attendees and editors; your account is not linked to anyone who attended",
        );
      }
      const pack = await meetings.pack(request.params.id);
      const language = readerLanguage({
        asked: request.query.lang,
        account: user?.language,
        acceptLanguage: request.headers['accept-language'],
      });
      switch (request.query.format) {
        case 'json':
          return pack;
        case 'csv':
          return reply
            .type('text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="${pack.meeting.id}-attendees.csv"`,
            )
            .send(attendeePackCsv(pack, language));
        case 'html':
          return reply
            .type('text/html; charset=utf-8')
            .header('content-security-policy', ATTENDEE_PACK_CSP)
            .send(attendeePackHtml(pack, language));
      }
    },
  );

  app.get(
    '/similar-nodes',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Names like this one already in the directory ("did you mean …?")',
        description:
          'Organisations, people and projects (or only `kind`) whose names are most like `name`, ignoring case, accents, punctuation and word order; at most five, most alike first.',
        tags,
        querystring: SimilarNodesQuerySchema,
        response: { 200: SimilarNodesSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { name, kind } = request.query;
      const found = await similarNodes(
        app.store,
        name,
        kind ? [kind] : ['organisation', 'person', 'project'],
      );
      return {
        items: found.flatMap(({ node }) =>
          node.kind === 'organisation' || node.kind === 'person' || node.kind === 'project'
            ? [{ id: node.id, name: node.name, kind: node.kind }]
            : [],
        ),
      };
    },
  );
  await Promise.resolve();
};

export default meetingRoutes;
