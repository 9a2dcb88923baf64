import type { FromSchema } from 'json-schema-to-ts';
import { closedObject, dateTime, decimal, identifier, idKeyedArray, integer, oneOf, text } from './json-schema';
import { replicatedDocumentProperties, replicatedDocumentRequired } from './replicated-document';

/**
 * A dispatch assignment (CAD incident) as the MDT and CrewLink see it. Where a field feeds the
 * ePCR export its `description` names the NEMSIS element. The schema is the single definition:
 * {@link Incident} is derived from it.
 */

export const incidentStatuses = [
  'pending', 'dispatched', 'en_route', 'on_scene', 'transporting', 'at_destination', 'closed', 'cancelled',
] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

const address = closedObject({
  street: text('Incident street address; eScene.15 Incident Street Address', 255),
  city: text('eScene.17 Incident City', 100),
  state: text('eScene.18 Incident State', 10),
  postalCode: text('eScene.19 Incident ZIP Code', 10),
  latitude: decimal('eScene.11 Scene GPS Location (latitude, WGS84)', -90, 90),
  longitude: decimal('eScene.11 Scene GPS Location (longitude, WGS84)', -180, 180),
}, [], 'eScene Incident location');

const notes = idKeyedArray({
  id: identifier('Note id. Not a NEMSIS element.'),
  writtenAt: dateTime('Time the note was written. Not a NEMSIS element.'),
  authorName: text('Author display name. Not a NEMSIS element.', 120),
  text: text('Dispatch or crew note. Not a NEMSIS element.', 4000),
}, ['id', 'writtenAt', 'authorName', 'text'], 'Dispatch and crew notes, merged by id. Not a NEMSIS element.', 500);

export const incidentSchema = {
  title: 'incidents',
  description: 'Dispatch assignment (CAD incident)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...replicatedDocumentProperties,
    incidentNumber: text('eResponse.03 Incident Number (CAD incident number)', 50),
    status: oneOf(incidentStatuses, 'Assignment status. Not a NEMSIS element.'),
    nature: text('Nature of the call as dispatched; eDispatch.01 Dispatch Reason (free text here)', 200),
    priority: integer('Dispatch priority, 1 (highest) to 5; eDispatch.05 Dispatch Priority (mapped by the exporter)', 1, 5),
    address,
    unitIds: {
      type: 'array',
      maxItems: 50,
      items: identifier('Assigned unit id; eResponse.13 EMS Vehicle (Unit) Number'),
      description: 'Assigned units (each an eResponse.13 EMS Vehicle (Unit) Number)',
    },
    receivedAt: dateTime('eTimes.01 PSAP Call Date/Time'),
    dispatchedAt: dateTime('eTimes.02 Dispatch Notified Date/Time'),
    notes,
    callerName: text('Caller name. Not a NEMSIS element.', 120),
    callerPhone: text('Caller call-back number. Not a NEMSIS element.', 30),
  },
  required: [
    ...replicatedDocumentRequired, 'incidentNumber', 'status', 'nature', 'priority', 'address', 'unitIds',
    'receivedAt', 'notes',
  ],
} as const;

export type Incident = FromSchema<typeof incidentSchema>;
export type IncidentNote = Incident['notes'][number];
