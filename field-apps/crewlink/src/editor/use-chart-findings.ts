import type { Finding, PatientCareReport } from '@field/shared-model';
import { useEffect, useState } from 'react';

type ChartValidator = (report: PatientCareReport) => Finding[];

let validatorLoad: Promise<ChartValidator | undefined> | undefined;

/**
 * The browser-side NEMSIS validator (`validatePatientCareReport` from @field/nemsis, the same rules
 * the server's gate runs), loaded on first use so it is not in the initial bundle.
 */
function loadChartValidator(): Promise<ChartValidator | undefined> {
  validatorLoad ??= import('@field/nemsis').then(
    (nemsis) => (report: PatientCareReport) => nemsis.validatePatientCareReport(report),
    () => undefined,
  );
  return validatorLoad;
}

/** Merges live findings with the server's, one entry per rule and field. */
export function mergeFindings(local: readonly Finding[], server: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...server, ...local]) {
    const key = `${f.ruleId}|${f.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** Live findings for the chart: the local validator (debounced) plus what the server's gate said. */
export function useChartFindings(chart: PatientCareReport | null | undefined): Finding[] {
  const [local, setLocal] = useState<Finding[]>([]);
  useEffect(() => {
    if (!chart) return;
    let live = true;
    const timer = setTimeout(() => {
      void loadChartValidator().then((validate) => {
        if (!live || !validate) return;
        try {
          setLocal(validate(chart));
        } catch (error) {
          setLocal([{ ruleId: 'client:validator-failed', severity: 'WARNING', path: '', message: `The on-device check failed: ${String(error)}` }]);
        }
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [chart]);
  return mergeFindings(local, chart?.findings ?? []);
}
