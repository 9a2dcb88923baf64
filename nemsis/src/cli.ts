/**
 * `pnpm -s nemsis validate [--json] [--xsd-only] [--now ISO] FILE...` — validates NEMSIS v3.5.1
 * EMSDataSet files against the official XSD and the national Schematron.
 *
 * Exit codes: 0 every file valid (WARNINGs allowed), 1 some file has ERROR findings, 2 usage error or a
 * file that is missing, unreadable or not well-formed NEMSIS XML (explained on stderr).
 *
 * `pnpm --filter … exec` runs this in the nemsis/ folder, so relative FILE arguments are resolved
 * against INIT_CWD, which pnpm sets to the folder whose package.json ran the script — the repository
 * root for `pnpm nemsis`. (pnpm does not pass on a deeper working directory; use absolute paths there.)
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors, type Finding } from '@field/shared-model';
import { validateEmsDataSet } from './validate';
import { NemsisXmlError, parseNemsisXml } from './xml/parse-xml';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Folder that relative file arguments are resolved against. */
  cwd: string;
}

const USAGE = `usage: nemsis validate [--json] [--xsd-only] [--now 2025-04-03T12:00:00Z] FILE...

Validates NEMSIS v3.5.1 EMSDataSet XML files (official XSD + national Schematron).
  --json       one JSON object per line per file: {"file","valid","findings":[...]}
  --xsd-only   run the XSD check only
  --now ISO    the moment "now" for time rules (default: the clock)
Exit codes: 0 all valid, 1 any file invalid, 2 usage error or unreadable/malformed file.`;

interface Parsed {
  json: boolean;
  xsdOnly: boolean;
  now?: Date;
  files: string[];
}

function parseArgs(args: string[]): Parsed | string {
  const [command, ...rest] = args;
  if (command !== 'validate') return command === undefined ? 'missing command' : `unknown command "${command}"`;
  const parsed: Parsed = { json: false, xsdOnly: false, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (arg === '--json') parsed.json = true;
    else if (arg === '--xsd-only') parsed.xsdOnly = true;
    else if (arg === '--now') {
      const now = new Date(rest[++i] ?? '');
      if (Number.isNaN(now.getTime())) return '--now needs an ISO date-time such as 2025-04-03T12:00:00Z';
      parsed.now = now;
    } else if (arg === '--') {
      parsed.files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  if (parsed.files.length === 0) return 'no FILE given';
  return parsed;
}

function describeFailure(file: string, err: unknown): string {
  if (err instanceof NemsisXmlError) return `${file}: not a readable NEMSIS document: ${err.message}`;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file}: is a directory, not an XML file`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot be read: ${(err as Error).message}`;
}

function formatHuman(file: string, findings: Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === 'ERROR').length;
  const warnings = findings.length - errors;
  const head = `${file}: ${errors === 0 ? 'valid' : 'INVALID'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  return [head, ...findings.map((f) => `  ${f.severity} ${f.ruleId} ${f.path}\n    ${f.message}`)];
}

/** Runs the CLI; returns the exit code. */
export function runCli(args: string[], io: CliIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`nemsis: ${parsed}\n${USAGE}`);
    return 2;
  }
  let exitCode = 0;
  for (const file of parsed.files) {
    let findings: Finding[];
    try {
      const xml = readFileSync(isAbsolute(file) ? file : resolve(io.cwd, file), 'utf8');
      const root = parseNemsisXml(xml);
      findings = validateEmsDataSet(root, {
        nationalSchematron: !parsed.xsdOnly,
        ...(parsed.now ? { now: parsed.now } : {}),
      });
    } catch (err) {
      io.stderr(`nemsis: ${describeFailure(file, err)}`);
      exitCode = 2;
      continue;
    }
    const valid = !hasErrors(findings);
    if (!valid && exitCode === 0) exitCode = 1;
    if (parsed.json) io.stdout(JSON.stringify({ file, valid, findings }));
    else formatHuman(file, findings).forEach((line) => io.stdout(line));
  }
  return exitCode;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
}
