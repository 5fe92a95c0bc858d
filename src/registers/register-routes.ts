/**
 * HTTP routes for the records beside the dossier (complaints, incidents and
 * calamities, prospective clients) and the records of processing (AVG 30).
 * Every route enters the gate with the register subject: decided by the
 * register policy, logged once per client a record names, refused with an
 * explanation.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { OneOf, Uuid } from '../http/schema-helpers.js';
import { Register, type RegisterAction } from './register-policy.js';
import {
  addProcessingActivity, closeComplaint, listQualityAudits, recordQualityAudit, ComplaintOutcome, IncidentKind, listComplaints, listIncidents, listProcessingActivities, listProspectiveClients,
  recordComplaint, recordIncident, recordInspectorateReport, recordProspectiveClient,
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
  /** The register subject for one register and action (read, record, handle): decided by the register policy. */
  const register = (which: Register, action: RegisterAction) => ({
    kind: 'register' as const, subject: () => ({ kind: 'register' as const, register: which }), intent: () => action,
  });
  const tags = ['registers'];

  gatedRoute(app, deps, {
    ...register(Register.complaints, 'read'), method: 'GET', url: '/api/registers/complaints',
    schema: { tags, summary: 'Complaints (kept apart from the dossier, 2 years after closing)', response: { 200: Type.Object({ complaints: Type.Array(ComplaintSchema) }, { additionalProperties: false }) } },
    handler: async (scope) => {
      const complaints = await listComplaints(scope, key);
      scope.concerns(complaints.flatMap((c) => (c.clientId === null ? [] : [c.clientId])));
      return { complaints };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.complaints, 'record'), method: 'POST', url: '/api/registers/complaints',
    schema: { tags, summary: 'Record a complaint', body: NewComplaint, response: { 201: Created } },
    handler: async (scope, request, reply) => {
      const id = await recordComplaint(scope, key, request.body);
      scope.concerns(request.body.clientId === undefined ? [] : [request.body.clientId]);
      reply.code(201);
      return { id };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.complaints, 'handle'), method: 'POST', url: '/api/registers/complaints/:id/close',
    schema: { tags, summary: 'Close a complaint with its outcome; from then on it is kept 2 years', params: IdParams, body: CloseComplaint, response: { 200: ComplaintSchema } },
    handler: async (scope, request) => {
      const complaint = await closeComplaint(scope, key, request.params.id, request.body);
      scope.concerns(complaint.clientId === null ? [] : [complaint.clientId]);
      return complaint;
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.incidents, 'read'), method: 'GET', url: '/api/registers/incidents',
    schema: { tags, summary: 'Incidents and calamities, with the reports due to the inspectorate (Jeugdwet 4.1.8)', response: { 200: Type.Object({ incidents: Type.Array(IncidentSchema) }, { additionalProperties: false }) } },
    handler: async (scope) => {
      const incidents = await listIncidents(scope, key);
      scope.concerns(incidents.flatMap((i) => i.clientIds));
      return { incidents };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.incidents, 'record'), method: 'POST', url: '/api/registers/incidents',
    schema: { tags, summary: 'Report an incident, calamity or violence in the care relationship', body: NewIncident, response: { 201: Created } },
    handler: async (scope, request, reply) => {
      const id = await recordIncident(scope, key, request.body);
      scope.concerns(request.body.clientIds);
      reply.code(201);
      return { id };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.incidents, 'handle'), method: 'POST', url: '/api/registers/incidents/:id/inspectorate-report',
    schema: { tags, summary: 'Record the date the incident was reported to the inspectorate', params: IdParams, body: InspectorateReport, response: { 200: IncidentSchema } },
    handler: async (scope, request) => {
      const incident = await recordInspectorateReport(scope, key, request.params.id, request.body.reportedOn);
      scope.concerns(incident.clientIds);
      return incident;
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.prospectiveClients, 'read'), method: 'GET', url: '/api/registers/prospective-clients',
    schema: { tags, summary: 'Registrations of prospective clients (kept 6 months)', response: { 200: Type.Object({ prospectiveClients: Type.Array(ProspectiveSchema) }, { additionalProperties: false }) } },
    handler: async (scope) => ({ prospectiveClients: await listProspectiveClients(scope, key) }),
  });

  gatedRoute(app, deps, {
    ...register(Register.prospectiveClients, 'record'), method: 'POST', url: '/api/registers/prospective-clients',
    schema: { tags, summary: 'Register a prospective client', body: NewProspective, response: { 201: Created } },
    handler: async (scope, request, reply) => {
      const id = await recordProspectiveClient(scope, key, request.body);
      reply.code(201);
      return { id };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.qualityAudits, 'read'), method: 'GET', url: '/api/registers/quality-audits',
    schema: { tags, summary: 'Quality audits with their sample of clients (quality control by sample)', response: { 200: Type.Object({ audits: Type.Array(AuditSchema) }, { additionalProperties: false }) } },
    handler: async (scope) => {
      const audits = await listQualityAudits(scope);
      scope.concerns(audits.flatMap((a) => a.clientIds));
      return { audits };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.qualityAudits, 'record'), method: 'POST', url: '/api/registers/quality-audits',
    schema: {
      tags, summary: 'Register a quality audit with its sample (manager or privacy officer)',
      description: 'A manager reads a sampled dossier for it with the header `x-dossierwijzer-purpose: quality-control <audit id>`, from startsOn to endsOn.',
      body: NewAudit, response: { 201: Created },
    },
    handler: async (scope, request, reply) => {
      const id = await recordQualityAudit(scope, request.body);
      scope.concerns(request.body.clientIds);
      reply.code(201);
      return { id };
    },
  });

  gatedRoute(app, deps, {
    ...register(Register.processingActivities, 'read'), method: 'GET', url: '/api/privacy/processing-activities',
    schema: { tags, summary: 'The records of processing activities (AVG 30)', response: { 200: Type.Object({ activities: Type.Array(ActivitySchema) }, { additionalProperties: false }) } },
    handler: async (scope) => ({ activities: await listProcessingActivities(scope) }),
  });

  gatedRoute(app, deps, {
    ...register(Register.processingActivities, 'record'), method: 'POST', url: '/api/privacy/processing-activities',
    schema: { tags, summary: 'Add a processing activity of this organisation', body: NewActivity, response: { 201: Created } },
    handler: async (scope, request, reply) => {
      const id = await addProcessingActivity(scope, request.body);
      reply.code(201);
      return { id };
    },
  });
}
