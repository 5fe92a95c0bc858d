/**
 * HTTP routes for the records beside the dossier (complaints, incidents and
 * calamities, prospective clients) and the records of processing (AVG 30).
 * Every route goes through `withRegisterAccess`: decided, logged, refused
 * with an explanation.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
import { OneOf, Uuid } from '../http/schema-helpers.js';
import { calendarDate } from '../shared/calendar-date.js';
import { withRegisterAccess } from './register-access.js';
import { Register } from './register-policy.js';
import {
  addProcessingActivity, closeComplaint, listQualityAudits, recordQualityAudit, ComplaintOutcome, IncidentKind, listComplaints, listIncidents, listProcessingActivities, listProspectiveClients,
  recordComplaint, recordIncident, recordInspectorateReport, recordProspectiveClient, type Recorder,
} from './register-service.js';

const Text = (max = 10_000) => Type.String({ minLength: 1, maxLength: max });
const DateText = () => Type.String({ format: 'date' });
const NullableString = () => Type.Union([Type.String(), Type.Null()]);
const IdParams = Type.Object({ id: Uuid() }, { additionalProperties: false });
const Created = Type.Object({ id: Type.String() }, { additionalProperties: false });

const ComplaintSchema = Type.Object({
  id: Type.String(), clientId: NullableString(), receivedOn: Type.String(), complainant: Type.String(), summary: Type.String(),
  closedOn: NullableString(), outcome: NullableString(), resolution: NullableString(), keepUntil: NullableString(),
}, { additionalProperties: false });
const NewComplaint = Type.Object({
  clientId: Type.Optional(Uuid()), receivedOn: DateText(), complainant: Text(300), summary: Text(),
}, { additionalProperties: false });
const CloseComplaint = Type.Object({ closedOn: DateText(), outcome: OneOf(ComplaintOutcome), resolution: Text() }, { additionalProperties: false });

const IncidentSchema = Type.Object({
  id: Type.String(), kind: Type.String(), occurredOn: Type.String(), clientIds: Type.Array(Type.String()), description: Type.String(),
  measures: NullableString(), inspectorateReportRequired: Type.Boolean(), reportedToInspectorateOn: NullableString(), inspectorateReportPending: Type.Boolean(),
}, { additionalProperties: false });
const NewIncident = Type.Object({
  kind: OneOf(IncidentKind), occurredOn: DateText(), clientIds: Type.Array(Uuid(), { maxItems: 50 }), description: Text(), measures: Type.Optional(Text()),
}, { additionalProperties: false });
const InspectorateReport = Type.Object({ reportedOn: DateText() }, { additionalProperties: false });

const ProspectiveSchema = Type.Object({
  id: Type.String(), registeredOn: Type.String(), name: Type.String(), contact: Type.String(), question: Type.String(), keepUntil: Type.String(),
}, { additionalProperties: false });
const NewProspective = Type.Object({ registeredOn: DateText(), name: Text(300), contact: Text(500), question: Text() }, { additionalProperties: false });

const AuditSchema = Type.Object({
  id: Type.String(), subject: Type.String(), startsOn: Type.String(), endsOn: Type.String(), clientIds: Type.Array(Type.String()),
  registeredBy: Type.String(), registeredAt: Type.String(),
}, { additionalProperties: false });
const NewAudit = Type.Object({
  subject: Type.String({ minLength: 3, maxLength: 300, description: 'What the audit checks; names no client' }),
  startsOn: DateText(), endsOn: DateText(),
  clientIds: Type.Array(Uuid(), { minItems: 1, maxItems: 200, description: 'The sample: the dossiers the audit may read' }),
}, { additionalProperties: false });

const Strings = () => Type.Array(Text(300), { minItems: 1, maxItems: 30 });
const ActivityFields = {
  name: Text(300), purpose: Text(2000), legalBasis: Text(1000), dataSubjects: Strings(), dataCategories: Strings(), recipients: Strings(),
  retention: Text(1000), security: Text(2000),
};
const ActivitySchema = Type.Object({
  id: Type.String(), standard: Type.Boolean(), name: Type.String(), purpose: Type.String(), legalBasis: Type.String(), dataSubjects: Type.Array(Type.String()),
  dataCategories: Type.Array(Type.String()), recipients: Type.Array(Type.String()), retention: Type.String(), security: Type.String(),
}, { additionalProperties: false });
const NewActivity = Type.Object(ActivityFields, { additionalProperties: false });

export function registerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const key = deps.masterKey;
  const recorder = (request: FastifyRequest): { ctx: ReturnType<typeof contextOf>; by: Recorder } => {
    const ctx = contextOf(request, deps.now());
    return { ctx, by: { organisationId: ctx.actor.organisationId, employeeId: ctx.actor.employeeId, now: ctx.now, today: calendarDate(ctx.now) } };
  };
  const tags = ['registers'];

  app.get('/api/registers/complaints', {
    schema: { tags, summary: 'Complaints (kept apart from the dossier, 2 years after closing)', response: { 200: Type.Object({ complaints: Type.Array(ComplaintSchema) }, { additionalProperties: false }) } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const complaints = await withRegisterAccess(deps.db, ctx, Register.complaints, 'read', async (tx) => {
      const value = await listComplaints(tx, key, by.organisationId);
      return { value, clientIds: value.flatMap((c) => (c.clientId === null ? [] : [c.clientId])) };
    });
    return { complaints };
  });

  app.post('/api/registers/complaints', {
    schema: { tags, summary: 'Record a complaint', body: NewComplaint, response: { 201: Created } },
  }, async (request, reply) => {
    const { ctx, by } = recorder(request);
    const body = request.body as Static<typeof NewComplaint>;
    const id = await withRegisterAccess(deps.db, ctx, Register.complaints, 'record', async (tx) => ({
      value: await recordComplaint(tx, key, by, body), clientIds: body.clientId === undefined ? [] : [body.clientId],
    }));
    return reply.code(201).send({ id });
  });

  app.post('/api/registers/complaints/:id/close', {
    schema: { tags, summary: 'Close a complaint with its outcome; from then on it is kept 2 years', params: IdParams, body: CloseComplaint, response: { 200: ComplaintSchema } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const { id } = request.params as Static<typeof IdParams>;
    return withRegisterAccess(deps.db, ctx, Register.complaints, 'handle', async (tx) => {
      const value = await closeComplaint(tx, key, by, id, request.body as Static<typeof CloseComplaint>);
      return { value, clientIds: value.clientId === null ? [] : [value.clientId] };
    });
  });

  app.get('/api/registers/incidents', {
    schema: { tags, summary: 'Incidents and calamities, with the reports due to the inspectorate (Jeugdwet 4.1.8)', response: { 200: Type.Object({ incidents: Type.Array(IncidentSchema) }, { additionalProperties: false }) } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const incidents = await withRegisterAccess(deps.db, ctx, Register.incidents, 'read', async (tx) => {
      const value = await listIncidents(tx, key, by.organisationId);
      return { value, clientIds: value.flatMap((i) => i.clientIds) };
    });
    return { incidents };
  });

  app.post('/api/registers/incidents', {
    schema: { tags, summary: 'Report an incident, calamity or violence in the care relationship', body: NewIncident, response: { 201: Created } },
  }, async (request, reply) => {
    const { ctx, by } = recorder(request);
    const body = request.body as Static<typeof NewIncident>;
    const id = await withRegisterAccess(deps.db, ctx, Register.incidents, 'record', async (tx) => ({ value: await recordIncident(tx, key, by, body), clientIds: body.clientIds }));
    return reply.code(201).send({ id });
  });

  app.post('/api/registers/incidents/:id/inspectorate-report', {
    schema: { tags, summary: 'Record the date the incident was reported to the inspectorate', params: IdParams, body: InspectorateReport, response: { 200: IncidentSchema } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const { id } = request.params as Static<typeof IdParams>;
    const { reportedOn } = request.body as Static<typeof InspectorateReport>;
    return withRegisterAccess(deps.db, ctx, Register.incidents, 'handle', async (tx) => {
      const value = await recordInspectorateReport(tx, key, by, id, reportedOn);
      return { value, clientIds: value.clientIds };
    });
  });

  app.get('/api/registers/prospective-clients', {
    schema: { tags, summary: 'Registrations of prospective clients (kept 6 months)', response: { 200: Type.Object({ prospectiveClients: Type.Array(ProspectiveSchema) }, { additionalProperties: false }) } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const prospectiveClients = await withRegisterAccess(deps.db, ctx, Register.prospectiveClients, 'read', async (tx) => ({
      value: await listProspectiveClients(tx, key, by.organisationId, by.today), clientIds: [],
    }));
    return { prospectiveClients };
  });

  app.post('/api/registers/prospective-clients', {
    schema: { tags, summary: 'Register a prospective client', body: NewProspective, response: { 201: Created } },
  }, async (request, reply) => {
    const { ctx, by } = recorder(request);
    const id = await withRegisterAccess(deps.db, ctx, Register.prospectiveClients, 'record', async (tx) => ({
      value: await recordProspectiveClient(tx, key, by, request.body as Static<typeof NewProspective>), clientIds: [],
    }));
    return reply.code(201).send({ id });
  });

  app.get('/api/registers/quality-audits', {
    schema: { tags, summary: 'Quality audits with their sample of clients (quality control by sample)', response: { 200: Type.Object({ audits: Type.Array(AuditSchema) }, { additionalProperties: false }) } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const audits = await withRegisterAccess(deps.db, ctx, Register.qualityAudits, 'read', async (tx) => {
      const value = await listQualityAudits(tx, by.organisationId);
      return { value, clientIds: value.flatMap((a) => a.clientIds) };
    });
    return { audits };
  });

  app.post('/api/registers/quality-audits', {
    schema: {
      tags, summary: 'Register a quality audit with its sample (manager or privacy officer)',
      description: 'A manager reads a sampled dossier for it with the header `x-dossierwijzer-purpose: quality-control <audit id>`, from startsOn to endsOn.',
      body: NewAudit, response: { 201: Created },
    },
  }, async (request, reply) => {
    const { ctx, by } = recorder(request);
    const body = request.body as Static<typeof NewAudit>;
    const id = await withRegisterAccess(deps.db, ctx, Register.qualityAudits, 'record', async (tx) => ({ value: await recordQualityAudit(tx, by, body), clientIds: body.clientIds }));
    return reply.code(201).send({ id });
  });

  app.get('/api/privacy/processing-activities', {
    schema: { tags, summary: 'The records of processing activities (AVG 30)', response: { 200: Type.Object({ activities: Type.Array(ActivitySchema) }, { additionalProperties: false }) } },
  }, async (request) => {
    const { ctx, by } = recorder(request);
    const activities = await withRegisterAccess(deps.db, ctx, Register.processingActivities, 'read', async (tx) => ({
      value: await listProcessingActivities(tx, by.organisationId), clientIds: [],
    }));
    return { activities };
  });

  app.post('/api/privacy/processing-activities', {
    schema: { tags, summary: 'Add a processing activity of this organisation', body: NewActivity, response: { 201: Created } },
  }, async (request, reply) => {
    const { ctx, by } = recorder(request);
    const id = await withRegisterAccess(deps.db, ctx, Register.processingActivities, 'record', async (tx) => ({
      value: await addProcessingActivity(tx, by.organisationId, request.body as Static<typeof NewActivity>), clientIds: [],
    }));
    return reply.code(201).send({ id });
  });
}
