/**
 * Timing for the NEMSIS benchmark: wall time and CPU time (this process plus the child processes it
 * waited for, i.e. native xmllint) of repeated passes, one core, one process.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** CPU seconds used so far by this process and its waited-for children. */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children: number;
  try {
    // /proc/self/stat fields 16 and 17: cutime, cstime in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return (own.user + own.system) / 1e6 + (Number.isFinite(children) ? children : 0);
}

export interface Rate {
  /** Records per wall-clock second. */
  wall: number;
  /** Records per CPU second (what one fully used core does; stable on a shared machine). */
  cpu: number;
}

export interface MeasureOptions {
  /** CPU seconds to spend per round (default 1). */
  seconds: number;
  /** Rounds; the best round is reported, which filters out interference from other work (default 3). */
  rounds: number;
}

/** Runs `pass` (after one warm-up pass) in rounds of `seconds` CPU seconds; prints and returns the best rates. */
export async function measure(label: string, pass: () => unknown, records: number, options: MeasureOptions): Promise<Rate> {
  await pass(); // warm-up: JIT, lazy compilation of rules, patterns and content models
  let best: Rate = { wall: 0, cpu: 0 };
  for (let round = 0; round < options.rounds; round++) {
    let passes = 0;
    const cpuStart = cpuSeconds();
    const wallStart = performance.now();
    do {
      await pass();
      passes++;
    } while (cpuSeconds() - cpuStart < options.seconds);
    const cpu = cpuSeconds() - cpuStart;
    const wall = (performance.now() - wallStart) / 1000;
    best = { wall: Math.max(best.wall, (passes * records) / wall), cpu: Math.max(best.cpu, (passes * records) / cpu) };
  }
  console.log(`  ${label.padEnd(70)} ${best.wall.toFixed(1).padStart(9)} ${best.cpu.toFixed(1).padStart(12)}`);
  return best;
}

export function printHeader(title: string): void {
  console.log(`${title.padEnd(72)} ${'records/s'.padStart(9)} ${'records/CPU-s'.padStart(12)}`);
}

/** One line about the machine, so a reader knows whether wall time or CPU time is the figure to trust. */
export function describeMachine(): string {
  const [load1 = 0] = loadavg();
  const cores = cpus().length;
  const busy = load1 > 0.5 * cores;
  return `machine: ${cores} cores, 1-minute load ${load1.toFixed(1)} — ${busy
    ? 'LOADED by other work: wall-time figures are depressed, trust records/CPU-s'
    : 'otherwise idle: wall time and CPU time should agree'}`;
}
