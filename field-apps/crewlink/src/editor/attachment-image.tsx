import { describeError, type AttachmentStore } from '@field/kit';
import { useEffect, useState } from 'react';

/** Shows a stored attachment: the device's copy, or fetched from the server once online. */
export function AttachmentImage({ store, sha256, alt }: { store: AttachmentStore; sha256: string; alt: string }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    store.getObjectUrl(sha256).then((u) => live && setUrl(u), (e: unknown) => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [store, sha256]);
  if (error) return <p className="cl-muted">Image not on this device yet ({error})</p>;
  return url ? <img className="cl-attachment" src={url} alt={alt} /> : <p className="cl-muted">Loading image…</p>;
}
