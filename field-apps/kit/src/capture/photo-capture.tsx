import { useId, useState } from 'react';
import { describeError } from '../session/api-errors';
import { compressPhoto } from './compress-photo';

export interface PhotoCaptureProps {
  label?: string;
  /** Called with the compressed JPEG (never the camera original). */
  onCapture: (jpeg: Blob) => void | Promise<void>;
}

/** Take (or pick) a photo; it is compressed before anything is stored. */
export function PhotoCapture({ label = 'Take a photo', onCapture }: PhotoCaptureProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const onChange = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const jpeg = await compressPhoto(file);
      await onCapture(jpeg);
    } catch (e) {
      setError(`The photo was not saved: ${describeError(e)}`);
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <div className="fs-photo-capture">
      <input id={id} type="file" accept="image/*" capture="environment" disabled={busy}
        onChange={(e) => void onChange(e.currentTarget)} className="fs-visually-hidden-input" />
      <label htmlFor={id} className="fs-button-like">{busy ? 'Saving photo…' : label}</label>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
