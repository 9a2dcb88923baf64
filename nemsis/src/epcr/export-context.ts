/**
 * What the exporter needs beyond the chart: the agency's demographic identifiers (dAgency), the
 * unit's and the incident's dispatch data (held by CAD, not by the ePCR), the agency's time zone
 * and, optionally, attachment bytes for signature and photo graphics.
 */

export interface EpcrAgencyContext {
  /** dAgency.01 EMS Agency Unique State ID. */
  stateId: string;
  /** dAgency.02 EMS Agency Number; also eResponse.01. */
  number: string;
  /** dAgency.04 EMS Agency State: ANSI code (`53`) or postal abbreviation (`WA`). */
  state: string;
  /** eResponse.02 EMS Agency Name. */
  name?: string;
}

/** Response data that CAD, not the chart, holds; each falls back to the agency default below. */
export interface EpcrIncidentContext {
  /** eResponse.03 Incident Number (the CAD incident number). */
  number?: string;
  /** eResponse.04 EMS Response Number. */
  responseNumber?: string;
  /** eResponse.05 Type of Service Requested (code). */
  typeOfService?: string;
  /** eResponse.23 Response Mode to Scene (code). */
  responseMode?: string;
  /** eDispatch.01 Dispatch Reason (code). */
  dispatchReason?: string;
  /** eDispatch.02 EMD Performed (code). */
  emdPerformed?: string;
}

export interface EpcrUnitContext {
  /** eResponse.14 EMS Unit Call Sign (defaults to the chart's unit id). */
  callSign?: string;
  /** eResponse.07 Unit Transport and Equipment Capability (code). */
  transportCapability?: string;
}

export interface EpcrExportContext {
  agency: EpcrAgencyContext;
  unit?: EpcrUnitContext;
  incident?: EpcrIncidentContext;
  /** IANA time zone the dateTimes are written in (default `UTC`, written `+00:00`). */
  timeZone?: string;
  /** eRecord.02-04 Software Creator, Name and Version. */
  software?: { creator: string; name: string; version: string };
  /** Base64 bytes of an attachment, to fill eOther.18 Signature Graphic and eOther.11 File Attachment Image. */
  attachmentData?: (sha256: string) => string | undefined;
}

export const defaultSoftware = { creator: 'Field Suite', name: 'CrewLink', version: '0.1.0' } as const;
