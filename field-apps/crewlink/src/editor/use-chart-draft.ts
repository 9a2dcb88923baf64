import { describeError, getFieldCollection, useLiveDocument, type FieldClient, type FieldDocument } from '@field/kit';
import type { PatientCareReport } from '@field/shared-model';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { setAtPath } from '../charts/chart-paths';
import { applyStash, clearStash, readStash, writeStash } from './unsaved-stash';

/** An idempotent edit of the chart (applying it twice gives the same chart). */
export type ChartMutation = (draft: PatientCareReport) => void;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string };

export interface ChartDraft {
  /** The stored chart with every not-yet-saved edit applied. */
  chart: PatientCareReport;
  edit: (mutation: ChartMutation) => void;
  setField: (path: string, value: unknown) => void;
  /** Writes pending edits now; resolves when they are durable on the device. */
  flush: () => Promise<void>;
  saveState: SaveState;
}

const debounceMs = 250;

/**
 * The editor's working copy: every keystroke becomes an edit that is shown at once and written to
 * RxDB within 250 ms (and at once when the page is hidden or unloaded). "Saved" is reported only
 * after the write resolved; a failed write keeps the edits pending and says why.
 */
export function useChartDraft(client: FieldClient, id: string): ChartDraft | null | undefined {
  const collection = useMemo(() => getFieldCollection(client.db, 'epcrs'), [client]);
  const stored = useLiveDocument<FieldDocument & PatientCareReport>(collection, id);
  const pending = useRef<ChartMutation[]>([]);
  const inFlight = useRef<ChartMutation[]>([]);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const storedRef = useRef(stored);
  storedRef.current = stored;
  // Saved edits stay applied until RxDB emits the version that contains them (no flicker).
  const settled = useRef<{ base: unknown; mutations: ChartMutation[] }>({ base: undefined, mutations: [] });

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const run = chain.current.then(async () => {
      const batch = pending.current;
      if (batch.length === 0) return;
      pending.current = [];
      inFlight.current = [...inFlight.current, ...batch];
      try {
        await client.updateDocument('epcrs', id, (doc) => {
          for (const mutation of batch) mutation(doc as unknown as PatientCareReport);
        });
        const carried = settled.current.base === storedRef.current ? settled.current.mutations : [];
        settled.current = { base: storedRef.current, mutations: [...carried, ...batch] };
        if (pending.current.length === 0) clearStash(id);
        setSaveState(pending.current.length > 0 ? { kind: 'unsaved' } : { kind: 'saved' });
      } catch (error) {
        pending.current = [...batch, ...pending.current];
        setSaveState({ kind: 'error', message: `Not saved on this device: ${describeError(error)}` });
      } finally {
        inFlight.current = inFlight.current.filter((m) => !batch.includes(m));
        setVersion((v) => v + 1);
      }
    });
    chain.current = run.catch(() => undefined);
    return run;
  }, [client, id]);

  const edit = useCallback((mutation: ChartMutation) => {
    pending.current.push(mutation);
    setSaveState({ kind: 'unsaved' });
    setVersion((v) => v + 1);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), debounceMs);
  }, [flush]);

  const setField = useCallback((path: string, value: unknown) => {
    edit((draft) => {
      setAtPath(draft as unknown as Record<string, unknown>, path, value);
    });
  }, [edit]);

  // Edits still pending when the page goes away: stash them synchronously, then try the real write.
  const stashPending = useCallback(() => {
    const base = storedRef.current;
    if (!base || (pending.current.length === 0 && inFlight.current.length === 0)) return;
    const view = structuredClone(base) as PatientCareReport;
    for (const mutation of [...inFlight.current, ...pending.current]) mutation(view);
    writeStash(id, { base: base as PatientCareReport, view });
  }, [id]);

  // A stash left by a page that went away: re-apply it to the latest stored chart, once.
  const recovered = useRef(false);
  useEffect(() => {
    if (!stored || recovered.current) return;
    recovered.current = true;
    const stash = readStash(id);
    if (!stash) return;
    edit((draft) => applyStash(draft, stash));
  }, [stored, id, edit]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState !== 'hidden') return;
      stashPending();
      void flush();
    };
    const onPageHide = () => {
      stashPending();
      void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush, stashPending]);

  const chart = useMemo(() => {
    if (!stored) return stored;
    const copy = structuredClone(stored) as PatientCareReport;
    const carried = settled.current.base === stored ? settled.current.mutations : [];
    for (const mutation of [...carried, ...inFlight.current, ...pending.current]) mutation(copy);
    return copy;
    // `version` changes whenever the pending edits do.
  }, [stored, version]);

  if (chart === undefined || chart === null) return chart;
  return { chart, edit, setField, flush, saveState };
}
