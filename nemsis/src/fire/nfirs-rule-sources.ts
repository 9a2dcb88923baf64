/**
 * Where each NFIRS rule comes from. `primary` is true when the rule's published wording was seen
 * (the USFA notice of specification enforcement, or the NFIRS relational-edit text quoted verbatim
 * by a secondary site); false when the rule was written from a secondary description or from the
 * product brief because the published text was not available. docs/fire-and-flight-rules.md lists
 * the same table.
 */
export interface NfirsRuleSource {
  source: string;
  primary: boolean;
}

export const NFIRS_RULE_SOURCES = {
  'nfirs:required-field': { source: 'NFIRS 5.0 Basic module blocks A, C, D, E1, F (required entries)', primary: false },
  'nfirs:module-fire-only-for-fires': { source: 'NFIRS module logic: Fire module only for 100-series incident types', primary: false },
  'nfirs:module-structure-only-for-fires': { source: 'NFIRS module logic: Structure Fire module only for 100-series incident types', primary: false },
  'nfirs:module-structure-required': { source: 'NFIRS relational edit #9 (111–112); 120–123 per the product brief', primary: false },
  'nfirs:module-fire-required': { source: 'Structure Fire module supplements the Fire module (our reading of the NFIRS module logic)', primary: false },
  'nfirs:detector-h2-required': { source: 'NFIRS Basic H2 (detector) required for confined fires 113–118; edit number not available', primary: false },
  'nfirs:module-arson-only-for-fires': { source: 'NFIRS Arson module only for incident types 100–173; edit number not available', primary: false },
  'nfirs:aid-given-basic-only': { source: 'NFIRS: aid given (D = 3 or 4) needs only Basic blocks A–G1', primary: false },
  'nfirs:611-requires-action-93': { source: 'NFIRS: incident type 611 (dispatched and cancelled en route) requires action taken 93', primary: false },
  'nfirs:time-format': { source: 'NFIRS Basic E1 date/time entries', primary: false },
  'nfirs:time-order': { source: 'NFIRS Basic E1: arrival and controlled not before alarm, nothing after last unit cleared, arrival before controlled and cleared', primary: false },
  'nfirs:duration-over-24h': { source: 'NFIRS warning: incident longer than 24 hours for a non-800-series type', primary: false },
  'nfirs:living-units-required': { source: 'NFIRS relational edit #36 (Fire module B1 for 400-series property with 100-series type except 113–118)', primary: true },
  'nfirs:acres-burned-required': { source: 'NFIRS Fire module B3 acres burned for 140- and 170-series types; edit number not available', primary: false },
  'nfirs:re30-action-taken-duplicate': { source: 'NFIRS relational edit #30 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re35-civilian-casualty-not-fire': { source: 'NFIRS relational edit #35 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re59-human-factor-age': { source: 'NFIRS relational edit #59 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re64-mobile-property-none': { source: 'NFIRS relational edit #64 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re74-detector-presence': { source: 'NFIRS relational edit #74 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re75-detector-effectiveness': { source: 'NFIRS relational edit #75 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re76-detector-failure-reason': { source: 'NFIRS relational edit #76 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re79-aes-not-present': { source: 'NFIRS relational edit #79 (USFA critical error since Oct 2020)', primary: true },
  'nfirs:re81-aes-failure-reason': { source: 'NFIRS relational edit #81 (USFA critical error since Oct 2020)', primary: true },
} as const satisfies Record<string, NfirsRuleSource>;

export type NfirsRuleId = keyof typeof NFIRS_RULE_SOURCES;
