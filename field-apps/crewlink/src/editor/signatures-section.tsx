import { SignatureCapture, type FieldClient } from '@field/kit';
import { signatureKinds } from '@field/shared-model';
import { useId, useState } from 'react';
import { upsertItem } from '../charts/chart-paths';
import { AttachmentImage } from './attachment-image';
import type { ChartDraft } from './use-chart-draft';

type SignatureKind = (typeof signatureKinds)[number];

const kindLabels: Record<SignatureKind, string> = {
  'patient-consent': 'Patient consent',
  'patient-refusal': 'Patient refusal',
  crew: 'Crew member',
  'receiving-facility': 'Receiving facility',
};

/** Patient consent or refusal, crew and receiving-facility signatures (PNG, stored before it is referenced). */
export function SignaturesSection({ draft, client, now = () => new Date() }: { draft: ChartDraft; client: FieldClient; now?: () => Date }) {
  const [kind, setKind] = useState<SignatureKind>('patient-consent');
  const [signer, setSigner] = useState('');
  const [error, setError] = useState<string>();
  const kindId = useId();
  const signerId = useId();
  const capture = async (png: Blob) => {
    if (signer.trim() === '') {
      setError('Enter the name of the person signing first');
      throw new Error('Enter the name of the person signing first');
    }
    setError(undefined);
    const sha = await client.attachments.put(png, 'image/png');
    const item = { id: crypto.randomUUID(), kind, signerName: signer.trim().slice(0, 120), signedAt: now().toISOString(), attachmentSha256: sha };
    draft.edit((c) => upsertItem(c as unknown as Record<string, unknown>, 'signatures', item));
    await draft.flush();
    setSigner('');
  };
  return (
    <section className="cl-section" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">Signatures</h2>
      <ul className="cl-attachments">
        {draft.chart.signatures.map((s) => (
          <li key={s.id}>
            <AttachmentImage store={client.attachments} sha256={s.attachmentSha256} alt={`${kindLabels[s.kind]} signature of ${s.signerName}`} />
            <span>{kindLabels[s.kind]}: {s.signerName}, {new Date(s.signedAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
      <div className="cl-grid">
        <div className="cl-field">
          <label htmlFor={kindId}>Signature type</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.currentTarget.value as SignatureKind)}>
            {signatureKinds.map((k) => <option key={k} value={k}>{kindLabels[k]}</option>)}
          </select>
        </div>
        <div className="cl-field">
          <label htmlFor={signerId}>Name of the person signing</label>
          <input id={signerId} type="text" value={signer} maxLength={120} onChange={(e) => setSigner(e.currentTarget.value)} />
        </div>
      </div>
      <SignatureCapture label={`${kindLabels[kind]} signature`} onCapture={capture} />
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
