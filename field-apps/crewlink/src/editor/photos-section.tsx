import { PhotoCapture, type FieldClient } from '@field/kit';
import { upsertItem } from '../charts/chart-paths';
import { AttachmentImage } from './attachment-image';
import { TextField } from './field-inputs';
import type { ChartDraft } from './use-chart-draft';

/** Scene photos with captions; compressed before they are stored, uploaded when online. */
export function PhotosSection({ draft, client, now = () => new Date() }: { draft: ChartDraft; client: FieldClient; now?: () => Date }) {
  const capture = async (jpeg: Blob) => {
    const sha = await client.attachments.put(jpeg, 'image/jpeg');
    const item = { id: crypto.randomUUID(), takenAt: now().toISOString(), attachmentSha256: sha, contentType: 'image/jpeg' };
    draft.edit((c) => upsertItem(c as unknown as Record<string, unknown>, 'photos', item));
    await draft.flush();
  };
  return (
    <section className="cl-section" aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photos</h2>
      <ul className="cl-attachments">
        {draft.chart.photos.map((p, i) => (
          <li key={p.id} data-sha256={p.attachmentSha256}>
            <AttachmentImage store={client.attachments} sha256={p.attachmentSha256} alt={p.caption ?? `Photo ${i + 1}`} />
            <TextField draft={draft} path={`photos[id=${p.id}].caption`} label={`Caption, photo ${i + 1}`} maxLength={255} />
          </li>
        ))}
      </ul>
      <PhotoCapture label="Add photo" onCapture={capture} />
    </section>
  );
}
