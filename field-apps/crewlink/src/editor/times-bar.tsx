import { timeMilestones } from '../charts/nemsis-codes';
import { DateTimeField } from './field-inputs';
import type { ChartDraft } from './use-chart-draft';

function shortTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** One big button per eTimes milestone: a tap stamps the device clock; every time stays editable. */
export function TimesBar({ draft, now = () => new Date() }: { draft: ChartDraft; now?: () => Date }) {
  const times = draft.chart.times as Record<string, string | undefined>;
  return (
    <section className="cl-section" aria-labelledby="times-heading">
      <h2 id="times-heading">Times</h2>
      <div className="cl-times-bar">
        {timeMilestones.map((m) => {
          const stamped = times[m.key];
          return (
            <button key={m.key} type="button" className="cl-time-button" data-stamped={stamped ? 'true' : 'false'}
              onClick={() => {
                if (!stamped) draft.setField(`times.${m.key}`, now().toISOString());
              }}>
              <span>{m.label}</span>
              <strong>{stamped ? shortTime(stamped) : 'Stamp now'}</strong>
            </button>
          );
        })}
      </div>
      <details>
        <summary>Edit times</summary>
        <div className="cl-grid">
          <DateTimeField draft={draft} path="times.psapCall" label="Call received (eTimes.01)" />
          {timeMilestones.map((m) => (
            <DateTimeField key={m.key} draft={draft} path={`times.${m.key}`} label={`${m.label} (${m.element})`} />
          ))}
        </div>
      </details>
    </section>
  );
}
