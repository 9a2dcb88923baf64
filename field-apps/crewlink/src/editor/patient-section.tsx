import { ageUnitCodes, genderCodes } from '../charts/nemsis-codes';
import { NumberField, SelectField, TextField } from './field-inputs';
import type { ChartDraft } from './use-chart-draft';

export function PatientSection({ draft }: { draft: ChartDraft }) {
  return (
    <section className="cl-section" aria-labelledby="patient-heading">
      <h2 id="patient-heading">Patient</h2>
      <div className="cl-grid">
        <TextField draft={draft} path="patient.lastName" label="Last name" maxLength={60} />
        <TextField draft={draft} path="patient.firstName" label="First name" maxLength={50} />
        <NumberField draft={draft} path="patient.age" label="Age" min={0} max={150} />
        <SelectField draft={draft} path="patient.ageUnits" label="Age units" options={ageUnitCodes} />
        <SelectField draft={draft} path="patient.gender" label="Sex" options={genderCodes} />
        <NumberField draft={draft} path="patient.weightKg" label="Weight (kg)" min={0} max={1000} integer={false} />
        <TextField draft={draft} path="patient.address.street" label="Home street address" maxLength={255} />
        <TextField draft={draft} path="patient.address.city" label="City" maxLength={100} />
        <TextField draft={draft} path="patient.phone" label="Phone" maxLength={30} />
      </div>
    </section>
  );
}
