/**
 * The fire-incident model: NFIRS 5.0 Basic module (NFIRS-1, sections A–M), Fire module (NFIRS-2) and
 * Structure Fire module (NFIRS-3). Codes are NFIRS code strings ("111", "419", "93", "N", "U").
 * NFIRS block ids are given in each doc comment. Times are ISO-8601 with `Z` or an explicit offset; the
 * NFIRS export writes the wall-clock part as recorded (NFIRS times are local to the department).
 *
 * SOURCE NOTE: the block letters follow the NFIRS 5.0 forms and Complete Reference Guide as widely
 * described; the official code lookup tables were not available (see assets/nfirs/PROVENANCE.md), so
 * codes are stored as strings and only the codes the rules need are interpreted.
 */

/** NFIRS Basic module B: incident location. */
export interface NfirsLocation {
  /** B location type: 1 address, 2 intersection, 3 in front of, 4 rear of, 5 adjacent to, 6 directions, 7 US National Grid. */
  locationType: '1' | '2' | '3' | '4' | '5' | '6' | '7';
  numberOrMilepost?: string;
  streetPrefix?: string;
  streetOrHighwayName?: string;
  streetType?: string;
  streetSuffix?: string;
  apartment?: string;
  city?: string;
  state?: string;
  zip?: string;
  censusTract?: string;
  crossStreetOrDirections?: string;
}

/** A person or entity (Basic K1 person/entity involved, K2 owner, M officer/member). */
export interface NfirsPerson {
  businessName?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  address?: string;
}

/** NFIRS Basic module (NFIRS-1). */
export interface NfirsBasicModule {
  /** A: Fire department identifier (5 characters). */
  fdid: string;
  /** A: State (2-letter postal code). */
  state: string;
  /** A: Incident date (YYYY-MM-DD, the alarm date). */
  incidentDate: string;
  /** A: Station. */
  station?: string;
  /** A: Incident number (up to 7 digits). */
  incidentNumber: string;
  /** A: Exposure number (0 = the original incident). */
  exposureNumber: number;
  /** B: Location. */
  location?: NfirsLocation;
  /** C: Incident type (3-digit NFIRS code). */
  incidentType: string;
  /** D: Aid given or received: 1 mutual aid received, 2 automatic aid received, 3 mutual aid given, 4 automatic aid given, 5 other aid given, N none. */
  aidGivenOrReceived: '1' | '2' | '3' | '4' | '5' | 'N';
  /** D: Their FDID and incident number, when aid was given or received. */
  aidFdid?: string;
  aidIncidentNumber?: string;
  /** E1: Alarm date/time. */
  alarmAt?: string;
  /** E1: Arrival date/time (first unit). */
  arrivalAt?: string;
  /** E1: Controlled date/time (fires). */
  controlledAt?: string;
  /** E1: Last unit cleared date/time. */
  lastUnitClearedAt?: string;
  /** E2: Shift, alarms, district. */
  shift?: string;
  alarms?: string;
  district?: string;
  /** E3: Special studies (id → value). */
  specialStudies?: { studyId: string; value: string }[];
  /** F: Actions taken (up to three NFIRS action codes, e.g. "93" cancelled en route). */
  actionsTaken: string[];
  /** G1: Resources (apparatus and personnel by suppression / EMS / other), and whether aid received is included. */
  resources?: {
    suppressionApparatus?: number;
    suppressionPersonnel?: number;
    emsApparatus?: number;
    emsPersonnel?: number;
    otherApparatus?: number;
    otherPersonnel?: number;
    includesAidReceived?: boolean;
  };
  /** G2: Estimated dollar losses and pre-incident values. */
  losses?: { propertyLoss?: number; contentsLoss?: number; propertyValue?: number; contentsValue?: number };
  /** H1: Casualties. */
  casualties?: { fireServiceDeaths?: number; fireServiceInjuries?: number; civilianDeaths?: number; civilianInjuries?: number };
  /** H2: Detector (confined fires 113–118): 1 alerted occupants, 2 did not alert them, U unknown. */
  detectorAlertedOccupants?: '1' | '2' | 'U';
  /** H3: Hazardous materials release code. */
  hazardousMaterialsRelease?: string;
  /** I: Mixed-use property code. */
  mixedUse?: string;
  /** J: Property use (3-digit NFIRS code). */
  propertyUse?: string;
  /** K1: Person/entity involved; K2: owner. */
  personInvolved?: NfirsPerson;
  owner?: NfirsPerson;
  /** L: Remarks (narrative). */
  remarks?: string;
  /** M: Authorization — officer in charge and member making the report. */
  officerInCharge?: NfirsPerson & { id?: string; rank?: string; assignment?: string; signedOn?: string };
  memberMakingReport?: NfirsPerson & { id?: string; rank?: string; assignment?: string; signedOn?: string };
}

/** NFIRS Fire module (NFIRS-2). */
export interface NfirsFireModule {
  /** B1: Number of residential living units in the building. */
  residentialLivingUnits?: number;
  /** B2: Number of buildings involved. */
  buildingsInvolved?: number;
  /** B3: Acres burned (outside fires). */
  acresBurned?: number;
  /** C: On-site materials or products. */
  onSiteMaterials?: { code: string; storageUse?: string }[];
  /** D1 area of fire origin, D2 heat source, D3 item first ignited, D4 type of material first ignited. */
  areaOfOrigin?: string;
  heatSource?: string;
  itemFirstIgnited?: string;
  confinedToObjectOfOrigin?: boolean;
  typeOfMaterialFirstIgnited?: string;
  /** E1: Cause of ignition. */
  causeOfIgnition?: string;
  /** E2: Factors contributing to ignition. */
  factorsContributing?: string[];
  /** E3: Human factors contributing (code "7" = age was a factor), with the estimated age and sex. */
  humanFactors?: string[];
  humanFactorEstimatedAge?: number;
  humanFactorSex?: '1' | '2' | 'U';
  /** F: Equipment involved in ignition. */
  equipmentInvolved?: { code?: string; brand?: string; model?: string; serialNumber?: string; year?: number; power?: string; portability?: string };
  /** G: Fire suppression factors. */
  fireSuppressionFactors?: string[];
  /** H1: Mobile property involved: N none, 1 not involved in ignition but burned, 2 involved in ignition but did not burn, 3 involved in ignition and burned. */
  mobilePropertyInvolved?: 'N' | '1' | '2' | '3';
  /** H2/H3: Mobile property type, make, model, year, licence plate, state, VIN. */
  mobileProperty?: { type?: string; make?: string; model?: string; year?: number; licensePlate?: string; state?: string; vin?: string };
}

/** NFIRS Structure Fire module (NFIRS-3). */
export interface NfirsStructureFireModule {
  /** I1 structure type, I2 building status, I3 building height (stories above / below grade), I4 main floor size. */
  structureType?: string;
  buildingStatus?: string;
  storiesAboveGrade?: number;
  storiesBelowGrade?: number;
  mainFloorSizeSqFt?: number;
  /** J1 story of fire origin, J2 fire spread, J3 number of stories damaged by flame. */
  storyOfFireOrigin?: number;
  fireSpread?: string;
  storiesDamaged?: { minor?: number; significant?: number; heavy?: number; extreme?: number };
  /** K1 item contributing most to flame spread, K2 type of material contributing most. */
  itemContributingMostToFlameSpread?: string;
  typeOfMaterialContributingMost?: string;
  /** L1 presence of detectors: N none present, 1 present, U undetermined. */
  detectorPresence?: 'N' | '1' | 'U';
  /** L2 detector type, L3 power supply, L4 operation (1 fire too small, 2 operated, 3 failed to operate, U), L5 effectiveness, L6 failure reason. */
  detectorType?: string;
  detectorPower?: string;
  detectorOperation?: '1' | '2' | '3' | 'U';
  detectorEffectiveness?: string;
  detectorFailureReason?: string;
  /** M1 presence of automatic extinguishing system: N none, 1 present, 2 partial, U. */
  aesPresence?: 'N' | '1' | '2' | 'U';
  /** M2 AES type, M3 operation, M4 sprinkler heads operating, M5 reason for failure. */
  aesType?: string;
  aesOperation?: string;
  sprinklerHeadsOperating?: number;
  aesFailureReason?: string;
}

/** A fire incident document: one NFIRS incident (one exposure) with its modules. */
export interface FireIncident {
  id: string;
  basic: NfirsBasicModule;
  fire?: NfirsFireModule;
  structureFire?: NfirsStructureFireModule;
  /** Number of Civilian Fire Casualty (NFIRS-4) forms attached. */
  civilianFireCasualtyForms?: number;
  /** An Arson module (NFIRS-11) is attached. */
  arsonModule?: boolean;
  /** Explicit NERIS choices where the NFIRS crosswalk offers several (validated against the crosswalk). */
  neris?: { incidentType?: readonly string[]; locationUse?: { useType: string; useSubtype: string } };
}

/** The incident-type series: "111" → 100. */
export function incidentSeries(incidentType: string): number | undefined {
  return /^\d{3}$/.test(incidentType) ? Math.floor(Number(incidentType) / 100) * 100 : undefined;
}

/** Numeric incident type or undefined when not a 3-digit code. */
export function incidentTypeNumber(incidentType: string): number | undefined {
  return /^\d{3}$/.test(incidentType) ? Number(incidentType) : undefined;
}
