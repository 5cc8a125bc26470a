/**
 * The local API's hot path — `GET /v1/apps/{appid}/access-token` with a held token — against a bare
 * `node:http` server answering a constant JSON of the same size, on the same machine in the same run, both
 * driven by autocannon at 50 connections.
 *
 *   npm run bench:api        (BENCH_PAIRS=12 and BENCH_SECONDS=2 by default: about a minute)
 *
 * How it keeps a noisy 2-core VM from deciding the result:
 * - autocannon runs in one long-lived child process (`bench/load-generator.ts`), warmed up before anything
 *   is measured, so no run pays for a cold load generator;
 * - with `taskset` and at least two CPUs, the servers are pinned to CPU 0 and the load generator to CPU 1,
 *   so they do not steal each other's core (the output says whether this happened);
 * - runs come in back-to-back pairs (bare→desk, then desk→bare, …): the machine's speed drifts over tens of
 *   seconds, and both halves of a pair see the same machine. The headline ratio is the median of the pairs'
 *   ratios; the spread and the ratio of means are printed beside it.
 *
 * Prints figures measured in this run; it passes or fails nothing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { SANDBOX_APPID } from '../src/emulator'
import { startTestDesk } from '../test/support/desk'
import type { LoadJob, LoadResult } from './load-generator'

const CONNECTIONS = 50
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2)
const PAIRS = Number(process.env['BENCH_PAIRS'] ?? 12)

interface Measurement extends LoadResult {
  /** Server-process CPU time per answered request, µs (the servers run in this process, autocannon does not). */
  cpuPerRequest: number
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

const pinned = pinServersToCpu0()
const generator = startLoadGenerator(pinned)

function load(url: string, headers: Record<string, string>, seconds: number): Promise<Measurement> {
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

const desk = await startTestDesk()
const status = await desk.services.localApi.update({ enabled: true, port: 0 })
const key = desk.services.localApi.revealKey()
const held = await desk.services.tokens.ensure('sandbox')
const deskUrl = `${status.url ?? ''}/v1/apps/${SANDBOX_APPID}/access-token`
const auth = { authorization: `Bearer ${key}` }

// The bare server answers what the desk answers, byte for byte in size, with nothing in between. Both get
// the very same request (the bare server ignores the Authorization header), so the ratio isolates the
// desk's own work.
const sample = await fetch(deskUrl, { headers: auth })
const constant = await sample.text()
if (sample.status !== 200) throw new Error(`the desk answered ${sample.status}: ${constant}`)
const bare: Server = createServer((_req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(constant)
  })
  res.end(constant)
})
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/v1/apps/${SANDBOX_APPID}/access-token`
const urls = { bare: bareUrl, desk: deskUrl } as const
type Name = keyof typeof urls

console.log(
  `local API bench: ${CONNECTIONS} connections, ${PAIRS} pairs of ${SECONDS} s runs, token ${held.mode}, ` +
    `body ${constant.length} B; ` +
    (pinned ? 'servers pinned to CPU 0, load generator to CPU 1' : 'not pinned (no taskset or one CPU)')
)
// Warm-up: both servers and the load generator JIT-compiled before anything is measured.
for (const name of ['bare', 'desk', 'bare', 'desk'] as const) await load(urls[name], auth, 2)

const runs: { name: Name; m: Measurement }[] = []
const pairRatios: number[] = []
for (let pair = 0; pair < PAIRS; pair++) {
  const order: readonly Name[] = pair % 2 === 0 ? ['bare', 'desk'] : ['desk', 'bare']
  const rps: Partial<Record<Name, number>> = {}
  for (const name of order) {
    const m = await load(urls[name], auth, SECONDS)
    rps[name] = m.rps
    runs.push({ name, m })
    console.log(
      `  ${name.padEnd(4)}  ${m.rps.toFixed(0).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ` +
        `server CPU ${m.cpuPerRequest.toFixed(1)} µs/req` +
        (m.non2xx || m.errors ? `  (non-2xx ${m.non2xx}, errors ${m.errors})` : '')
    )
  }
  pairRatios.push((rps.desk ?? 0) / (rps.bare ?? 1))
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
const pick = (name: Name, metric: (m: Measurement) => number): number[] =>
  runs.filter((r) => r.name === name).map((r) => metric(r.m))

console.log('')
for (const [name, label] of [
  ['bare', 'bare node:http    '],
  ['desk', 'desk access-token ']
] as const) {
  const rps = pick(name, (m) => m.rps)
  const p99 = pick(name, (m) => m.p99)
  console.log(
    `${label} ${median(rps).toFixed(0).padStart(7)} req/s (median; mean ${mean(rps).toFixed(0)})   ` +
      `p99 ${median(p99).toFixed(1)} ms (median; range ${Math.min(...p99)}–${Math.max(...p99)} ms)`
  )
}
console.log(
  `ratio desk/bare    ${median(pairRatios).toFixed(3)} (median of ${PAIRS} pairs; ` +
    `range ${Math.min(...pairRatios).toFixed(3)}–${Math.max(...pairRatios).toFixed(3)}; ` +
    `ratio of means ${(mean(pick('desk', (m) => m.rps)) / mean(pick('bare', (m) => m.rps))).toFixed(3)})`
)
const bareCpu = median(pick('bare', (m) => m.cpuPerRequest))
const deskCpu = median(pick('desk', (m) => m.cpuPerRequest))
console.log(
  `server CPU/request bare ${bareCpu.toFixed(1)} µs, desk ${deskCpu.toFixed(1)} µs (medians; ` +
    `the desk's own work ≈ ${(deskCpu - bareCpu).toFixed(1)} µs)`
)
console.log(`requests answered by the desk: ${desk.services.localApi.status().requestCount}`)

generator.disconnect()
await new Promise((resolve) => bare.close(resolve))
await desk.close()
