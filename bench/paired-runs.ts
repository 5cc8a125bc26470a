/**
 * What the server benchmarks share: the load generator in its own pinned process, runs in back-to-back pairs
 * (A→B, then B→A …) so both halves of a pair see the same machine, and the summary of medians.
 *
 * How it keeps a noisy 2-core VM from deciding the result:
 * - autocannon runs in one long-lived child process (`bench/load-generator.ts`), warmed up before anything
 *   is measured, so no run pays for a cold load generator;
 * - with `taskset` and at least two CPUs, the servers are pinned to CPU 0 and the load generator to CPU 1,
 *   so they do not steal each other's core (the output says whether this happened);
 * - the machine's speed drifts over tens of seconds: the headline ratio is the median of the pairs' ratios;
 *   the spread and the ratio of means are printed beside it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { LoadJob, LoadResult } from './load-generator'

export const CONNECTIONS = 50

export interface Measurement extends LoadResult {
  /** Server-process CPU time per answered request, µs (the servers run in this process, autocannon does not). */
  cpuPerRequest: number
}

/** One side of a pair: where it sends its load, and how the summary names it. */
export interface Target {
  url: string
  label: string
}

/** Pins every thread of this process to CPU 0; false when that is not possible here. */
function pinServersToCpu0(): boolean {
  if (availableParallelism() < 2) return false
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function startLoadGenerator(pinned: boolean): ChildProcess {
  const script = fileURLToPath(new URL('./load-generator.ts', import.meta.url))
  const node = [process.execPath, '--import', 'tsx', script]
  const [command, ...args] = pinned ? ['taskset', '-c', '1', ...node] : node
  return spawn(command ?? process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
export const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length

/** The pinned load generator, and paired runs against two targets. */
export class PairedBench {
  readonly pinned = pinServersToCpu0()
  private readonly generator = startLoadGenerator(this.pinned)

  /** One run of `seconds` against `url`. */
  load(url: string, headers: Record<string, string>, seconds: number): Promise<Measurement> {
    const { generator } = this
    return new Promise((resolve, reject) => {
      const cpuBefore = process.cpuUsage()
      const onExit = (code: number | null): void => reject(new Error(`the load generator exited (${code})`))
      generator.once('exit', onExit)
      generator.once('message', (message) => {
        generator.off('exit', onExit)
        const cpu = process.cpuUsage(cpuBefore)
        const result = message as LoadResult
        resolve({ ...result, cpuPerRequest: (cpu.user + cpu.system) / Math.max(1, result.total) })
      })
      const job: LoadJob = { url, connections: CONNECTIONS, seconds, headers }
      generator.send(job)
    })
  }

  /**
   * Warms both targets up, runs `pairs` pairs of `seconds` runs (alternating which goes first) and prints each
   * run and the summary: req/s, p50 and p99 of each (medians), and the median ratio `b / a`.
   */
  async pairs(
    a: Target,
    b: Target,
    options: { pairs: number; seconds: number; headers: Record<string, string> }
  ): Promise<{ ratio: number }> {
    const { pairs, seconds, headers } = options
    for (const target of [a, b, a, b]) await this.load(target.url, headers, 2)
    const runs: { target: Target; m: Measurement }[] = []
    const ratios: number[] = []
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 === 0 ? [a, b] : [b, a]
      const rps = new Map<Target, number>()
      for (const target of order) {
        const m = await this.load(target.url, headers, seconds)
        rps.set(target, m.rps)
        runs.push({ target, m })
        console.log(
          `  ${target.label.padEnd(18)} ${m.rps.toFixed(0).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ` +
            `server CPU ${m.cpuPerRequest.toFixed(1)} µs/req` +
            (m.non2xx || m.errors ? `  (non-2xx ${m.non2xx}, errors ${m.errors})` : '')
        )
      }
      ratios.push((rps.get(b) ?? 0) / (rps.get(a) ?? 1))
    }
    const pick = (target: Target, metric: (m: Measurement) => number): number[] =>
      runs.filter((r) => r.target === target).map((r) => metric(r.m))
    console.log('')
    for (const target of [a, b]) {
      const rps = pick(target, (m) => m.rps)
      const p50 = pick(target, (m) => m.p50)
      const p99 = pick(target, (m) => m.p99)
      console.log(
        `${target.label.padEnd(18)} ${median(rps).toFixed(0).padStart(7)} req/s (median; mean ${mean(rps).toFixed(0)})   ` +
          `p50 ${median(p50).toFixed(1)} ms   p99 ${median(p99).toFixed(1)} ms (median; range ${Math.min(...p99)}–${Math.max(...p99)} ms)`
      )
    }
    const ratio = median(ratios)
    console.log(
      `ratio ${b.label.trim()}/${a.label.trim()}: ${ratio.toFixed(3)} (median of ${pairs} pairs; ` +
        `range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}; ` +
        `ratio of means ${(mean(pick(b, (m) => m.rps)) / mean(pick(a, (m) => m.rps))).toFixed(3)})`
    )
    const cpuA = median(pick(a, (m) => m.cpuPerRequest))
    const cpuB = median(pick(b, (m) => m.cpuPerRequest))
    console.log(
      `server CPU/request ${a.label.trim()} ${cpuA.toFixed(1)} µs, ${b.label.trim()} ${cpuB.toFixed(1)} µs ` +
        `(medians; the difference ≈ ${(cpuB - cpuA).toFixed(1)} µs)`
    )
    return { ratio }
  }

  close(): void {
    this.generator.disconnect()
  }
}
