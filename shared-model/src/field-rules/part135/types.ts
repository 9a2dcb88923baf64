/**
 * Flight-log and duty types for 14 CFR Part 135 checks. Plain interfaces: the CrewLink flight-log
 * collection is built on them. Every instant is an ISO-8601 string with `Z` or an explicit offset
 * (or epoch ms); the rules work on the UTC time line.
 */

/** One flight leg. Flight time (14 CFR 1.1) runs from block out (moves under its own power for flight) to block in. */
export interface FlightLeg {
  id: string;
  /** Block out: the aircraft first moves under its own power for the purpose of flight. */
  blockOut: string | number;
  /** Block in: the aircraft comes to rest after landing. */
  blockIn: string | number;
  takeoff?: string | number;
  landing?: string | number;
  /** Departure and destination identifiers (ICAO, hospital pad, scene). */
  from?: string;
  to?: string;
  hobbsStart?: number;
  hobbsEnd?: number;
  /** Number of pilots on the flight crew (135.267(b): 8 h one pilot, 10 h two pilots). */
  pilotsOnCrew: 1 | 2;
  /** A helicopter air ambulance leg (135.617 risk analysis applies to the first leg of the operation). */
  airAmbulance?: boolean;
  /** Id of the operation this leg belongs to (legs of one HAA operation share it). */
  operationId?: string;
}

/** A duty period (or, in 135.271 mode, one HEMES assignment). */
export interface DutyPeriod {
  id: string;
  start: string | number;
  end: string | number;
  /**
   * The daily flight-time limit was exceeded because of circumstances beyond the control of the
   * certificate holder or crewmember (e.g. adverse weather): 135.267(e) then requires extra rest.
   */
  exceededBeyondControl?: boolean;
  /** Rest periods inside a HEMES assignment (135.271: 8 consecutive hours in any 24 h of the assignment). */
  restPeriods?: RestPeriod[];
}

/** A rest period: free of all duty. Between duty periods rest is derived; inside a HEMES assignment it is recorded. */
export interface RestPeriod {
  start: string | number;
  end: string | number;
}

/** A pilot's log: all duty periods and legs (all commercial flying counts toward the limits). */
export interface PilotLog {
  pilotId: string;
  dutyPeriods: DutyPeriod[];
  legs: FlightLeg[];
}

/** Which Part 135 duty/rest scheme the pilot is flying under. */
export type DutyRuleMode = '135.267' | '135.271';

/** Parsed interval on the UTC time line (epoch ms, end exclusive). */
export interface Interval {
  start: number;
  end: number;
}
