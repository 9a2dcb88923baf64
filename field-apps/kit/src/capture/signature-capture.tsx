import { useEffect, useRef, useState } from 'react';
import type SignaturePad from 'signature_pad';

export interface SignatureCaptureProps {
  /** Accessible name of the signing area, e.g. "Patient signature". */
  label: string;
  /** Called with the signature as a PNG blob. */
  onCapture: (png: Blob) => void | Promise<void>;
  disabled?: boolean;
}

/** A signing area (signature_pad) that hands back a PNG when the signer accepts. */
export function SignatureCapture({ label, onCapture, disabled = false }: SignatureCaptureProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    const canvas = canvasRef.current;
    if (!canvas) return;
    void import('signature_pad').then(({ default: Pad }) => {
      if (cancelled) return;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      const pad = new Pad(canvas, { backgroundColor: 'rgb(255,255,255)' });
      pad.addEventListener('endStroke', () => setEmpty(pad.isEmpty()));
      padRef.current = pad;
    });
    return () => {
      cancelled = true;
      padRef.current?.off();
      padRef.current = null;
    };
  }, []);

  const accept = () => {
    const canvas = canvasRef.current;
    if (!canvas || !padRef.current || padRef.current.isEmpty()) return;
    canvas.toBlob((blob) => {
      if (!blob) {
        setError('The signature could not be captured');
        return;
      }
      Promise.resolve(onCapture(blob)).then(() => {
        padRef.current?.clear();
        setEmpty(true);
      }, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    }, 'image/png');
  };

  return (
    <div className="fs-signature">
      <canvas ref={canvasRef} className="fs-signature-pad" role="img" aria-label={`${label}: sign here`} />
      <div className="fs-row">
        <button type="button" disabled={disabled || empty} onClick={accept}>Accept signature</button>
        <button type="button" disabled={disabled} onClick={() => { padRef.current?.clear(); setEmpty(true); }}>Clear</button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
