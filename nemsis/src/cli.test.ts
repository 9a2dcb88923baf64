import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = 'nemsis/assets/samples';
const NOW = ['--now', '2025-06-01T00:00:00Z'];

/** Runs `pnpm -s nemsis …` from the repository root, the way a user does. */
function runPnpm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('pnpm', ['-s', 'nemsis', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonLines = (stdout: string): { file: string; valid: boolean; findings: { ruleId: string; severity: string }[] }[] =>
  stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; valid: boolean; findings: { ruleId: string; severity: string }[] });

describe('pnpm -s nemsis validate (spawned)', () => {
  it('prints one JSON line per file and exits 0 when every file is valid (warnings allowed)', () => {
    const files = [`${SAMPLES}/2025-EMS-1-Overdose_v351.xml`, `${SAMPLES}/EMSDataSet-nemSch_e019_A.xml`];
    const { status, stdout } = runPnpm(['validate', '--json', ...NOW, ...files]);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => [l.file, l.valid])).toEqual([[files[0], true], [files[1], true]]);
    expect(lines[1]?.findings).toEqual([expect.objectContaining({ ruleId: 'nemSch_e019', severity: 'WARNING' })]);
    expect(status).toBe(0);
  });

  it('exits 1 when a file breaks the XSD or an ERROR Schematron rule', () => {
    const files = [`${SAMPLES}/2025-EMS-FailXsd_v351.xml`, `${SAMPLES}/2025-EMS-FailSchematron_v351.xml`, `${SAMPLES}/EMSDataSet--Base.xml`];
    const { status, stdout } = runPnpm(['validate', '--json', ...NOW, ...files]);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l.valid)).toEqual([false, false, true]);
    expect(lines[0]?.findings.map((f) => f.ruleId)).toEqual(['xsd:cardinality']);
    expect(lines[1]?.findings.map((f) => f.ruleId)).toContain('nemSch_e005');
    expect(status).toBe(1);
  });

  it('exits 2 with a clear message for a missing or malformed file, still reporting the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nemsis-cli-'));
    const malformed = join(dir, 'broken.xml');
    writeFileSync(malformed, readFileSync(join(REPO_ROOT, SAMPLES, 'EMSDataSet--Base.xml'), 'utf8').slice(0, 5000));
    const { status, stdout, stderr } = runPnpm(['validate', '--json', ...NOW, 'no/such/file.xml', relative(REPO_ROOT, malformed),
      `${SAMPLES}/2025-EMS-FailXsd_v351.xml`]);
    expect(stderr).toContain('nemsis: no/such/file.xml: no such file');
    expect(stderr).toMatch(/broken\.xml: not a readable NEMSIS document: malformed XML/);
    expect(jsonLines(stdout).map((l) => l.valid)).toEqual([false]);
    expect(status).toBe(2);
  });
});

describe('runCli', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), cwd: REPO_ROOT } };
  };

  it('explains usage errors with exit code 2', () => {
    const t = io();
    expect(runCli(['validate'], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/no FILE given[\s\S]*usage: nemsis validate/);
    expect(runCli(['check', 'x.xml'], t.io)).toBe(2);
    expect(runCli(['validate', '--now', 'soon', 'x.xml'], t.io)).toBe(2);
    expect(runCli(['validate', `${SAMPLES}`], t.io)).toBe(2);
    expect(t.err.at(-1)).toBe(`nemsis: ${SAMPLES}: is a directory, not an XML file`);
  });

  it('prints findings for people without --json, and --xsd-only skips the Schematron', () => {
    const t = io();
    expect(runCli(['validate', '--xsd-only', `${SAMPLES}/2025-EMS-FailSchematron_v351.xml`, `${SAMPLES}/2025-EMS-FailXsd_v351.xml`], t.io)).toBe(1);
    expect(t.out).toEqual([
      `${SAMPLES}/2025-EMS-FailSchematron_v351.xml: valid (0 errors, 0 warnings)`,
      `${SAMPLES}/2025-EMS-FailXsd_v351.xml: INVALID (1 error, 0 warnings)`,
      '  ERROR xsd:cardinality /EMSDataSet/Header/PatientCareReport[1]/eSituation\n    eSituation is missing the required element eSituation.20 (Reason for Interfacility Transfer/Medical Transport)',
    ]);
  });
});
