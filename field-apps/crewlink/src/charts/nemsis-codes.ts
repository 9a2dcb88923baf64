/** The few NEMSIS code lists the editor offers as selects (labels from the NEMSIS v3.5.1 dictionary). */
export interface CodeOption {
  code: string;
  label: string;
}

export const genderCodes: CodeOption[] = [
  { code: '9919001', label: 'Female' }, { code: '9919003', label: 'Male' }, { code: '9919005', label: 'Unknown' },
];

export const ageUnitCodes: CodeOption[] = [
  { code: '2516009', label: 'Years' }, { code: '2516007', label: 'Months' }, { code: '2516001', label: 'Days' },
  { code: '2516003', label: 'Hours' }, { code: '2516005', label: 'Minutes' },
];

export const acuityCodes: CodeOption[] = [
  { code: '2813001', label: 'Critical (Red)' }, { code: '2813003', label: 'Emergent (Yellow)' },
  { code: '2813005', label: 'Lower Acuity (Green)' },
];

export const medicationRouteCodes: CodeOption[] = [
  { code: '9927023', label: 'Intravenous (IV)' }, { code: '9927021', label: 'Intraosseous (IO)' },
  { code: '9927015', label: 'Intramuscular (IM)' }, { code: '9927017', label: 'Intranasal' },
  { code: '9927035', label: 'Oral' }, { code: '9927047', label: 'Sublingual' }, { code: '9927009', label: 'Inhalation' },
  { code: '9927045', label: 'Subcutaneous' }, { code: '9927025', label: 'Nasal Cannula' },
  { code: '9927031', label: 'Non-Rebreather Mask' }, { code: '9927049', label: 'Topical' }, { code: '9927037', label: 'Other/miscellaneous' },
];

export const doseUnitCodes: CodeOption[] = [
  { code: '3706021', label: 'Milligrams (mg)' }, { code: '3706015', label: 'Micrograms (mcg)' },
  { code: '3706001', label: 'Grams (gms)' }, { code: '3706025', label: 'Milliliters (ml)' },
  { code: '3706005', label: 'International Units (IU)' }, { code: '3706035', label: 'Liters Per Minute (LPM [gas])' },
  { code: '3706043', label: 'Puffs' }, { code: '3706049', label: 'Units' },
];

export const unitDispositionCodes: CodeOption[] = [
  { code: '4227001', label: 'Patient Contact Made' }, { code: '4227003', label: 'Cancelled on Scene' },
  { code: '4227005', label: 'Cancelled Prior to Arrival at Scene' }, { code: '4227007', label: 'No Patient Contact' },
  { code: '4227009', label: 'No Patient Found' }, { code: '4227011', label: 'Non-Patient Incident (Not Otherwise Listed)' },
];

export const transportDispositionCodes: CodeOption[] = [
  { code: '4230001', label: 'Transport by This EMS Unit (This Crew Only)' },
  { code: '4230003', label: 'Transport by This EMS Unit, with a Member of Another Crew' },
  { code: '4230005', label: 'Transport by Another EMS Unit/Agency' },
  { code: '4230007', label: 'Transport by Another EMS Unit/Agency, with a Member of This Crew' },
  { code: '4230009', label: 'Patient Refused Transport' },
  { code: '4230011', label: 'Non-Patient Transport (Not Otherwise Listed)' }, { code: '4230013', label: 'No Transport' },
];

/** eTimes milestones in the order a call happens, each with its big stamp button's label. */
export const timeMilestones = [
  { key: 'unitNotified', label: 'Notified', element: 'eTimes.03' },
  { key: 'enRoute', label: 'En route', element: 'eTimes.05' },
  { key: 'onScene', label: 'On scene', element: 'eTimes.06' },
  { key: 'atPatient', label: 'At patient', element: 'eTimes.07' },
  { key: 'departedScene', label: 'Left scene', element: 'eTimes.09' },
  { key: 'atDestination', label: 'At destination', element: 'eTimes.11' },
  { key: 'destinationTransfer', label: 'Care transferred', element: 'eTimes.12' },
  { key: 'backInService', label: 'In service', element: 'eTimes.13' },
] as const;
