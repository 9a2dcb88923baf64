import type { Finding } from '@field/shared-model';

export interface ValidationPanelProps {
  findings: readonly Finding[];
  /** Move focus to the field a finding points at. */
  onJump: (path: string) => void;
  title?: string;
}

const groups = [
  { severity: 'ERROR', heading: 'Must fix before completing' },
  { severity: 'WARNING', heading: 'Check' },
] as const;

/** Findings grouped by severity; each one jumps to its field. */
export function ValidationPanel({ findings, onJump, title = 'Chart checks' }: ValidationPanelProps) {
  return (
    <section className="fs-validation" aria-label={title}>
      <h2>{title}</h2>
      {findings.length === 0 ? <p>No problems found.</p> : null}
      {groups.map(({ severity, heading }) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <div key={severity} data-severity={severity}>
            <h3>{heading} ({list.length})</h3>
            <ul>
              {list.map((f) => (
                <li key={`${f.ruleId}|${f.path}`}>
                  <button type="button" className="fs-link-button" onClick={() => onJump(f.path)}>
                    {f.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
