/**
 * The local API's hot path — `GET /v1/apps/{appid}/access-token` with a held token — against a bare
 * `node:http` server answering a constant JSON of the same size, on the same machine in the same run.
 * autocannon runs in a child process (50 connections, ~5 s per run) so it does not share the servers'
 * event loop. Runs alternate (bare, desk, desk, bare, bare, desk) to cancel drift; the figures are their
 * averages. Server CPU per request (this process only) is printed too: it is steadier than req/s when other
 * work shares the machine.
 *
 *   npm run bench:api        (node --import tsx bench/local-api.ts)
 *
 * Prints figures measured in this run; it passes or fails nothing.
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { SANDBOX_APPID } from '../src/main/emulator'
import { startTestDesk } from '../test/support/desk'

const CONNECTIONS = 50
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5)
const run = promisify(execFile)
const autocannonCli = createRequire(import.meta.url).resolve('autocannon')

interface Measurement {
  /** Server-process CPU time per answered request, µs (the servers run in this process, autocannon does not). */
  cpuPerRequest: number
  rps: number
  p99: number
  p50: number
  non2xx: number
  errors: number
}

async function cannon(url: string, headers: Record<string, string>, seconds: number): Promise<Measurement> {
  const args = [autocannonCli, '-j', '-c', String(CONNECTIONS), '-d', String(seconds)]
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`)
  const cpuBefore = process.cpuUsage()
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 16 * 1024 * 1024 })
  const cpu = process.cpuUsage(cpuBefore)
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number }
    latency: { p99: number; p50: number }
    non2xx: number
    errors: number
  }
  return {
    cpuPerRequest: (cpu.user + cpu.system) / Math.max(1, result.requests.total),
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors
  }
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
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`

console.log(
  `local API bench: ${CONNECTIONS} connections, ${SECONDS} s per run, token ${held.mode}, body ${constant.length} B`
)
await cannon(bareUrl, auth, 3) // warm-up: both paths JIT-compiled before anything is measured
await cannon(deskUrl, auth, 3)

const runs: { name: 'bare' | 'desk'; m: Measurement }[] = []
for (const name of ['bare', 'desk', 'desk', 'bare', 'bare', 'desk'] as const) {
  const m = name === 'bare' ? await cannon(bareUrl, auth, SECONDS) : await cannon(deskUrl, auth, SECONDS)
  runs.push({ name, m })
  console.log(
    `  ${name.padEnd(4)}  ${m.rps.toFixed(0).padStart(7)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ` +
      `server CPU ${m.cpuPerRequest.toFixed(1)} µs/req` +
      (m.non2xx || m.errors ? `  (non-2xx ${m.non2xx}, errors ${m.errors})` : '')
  )
}

const mean = (name: 'bare' | 'desk', pick: (m: Measurement) => number): number => {
  const values = runs.filter((r) => r.name === name).map((r) => pick(r.m))
  return values.reduce((a, b) => a + b, 0) / values.length
}
const bareRps = mean('bare', (m) => m.rps)
const deskRps = mean('desk', (m) => m.rps)
console.log('')
console.log(
  `bare node:http     ${bareRps.toFixed(0).padStart(7)} req/s   p99 ${mean('bare', (m) => m.p99).toFixed(1)} ms`
)
console.log(
  `desk access-token  ${deskRps.toFixed(0).padStart(7)} req/s   p99 ${mean('desk', (m) => m.p99).toFixed(1)} ms`
)
console.log(`ratio desk/bare    ${(deskRps / bareRps).toFixed(3)}`)
const bareCpu = mean('bare', (m) => m.cpuPerRequest)
const deskCpu = mean('desk', (m) => m.cpuPerRequest)
console.log(
  `server CPU/request bare ${bareCpu.toFixed(1)} µs, desk ${deskCpu.toFixed(1)} µs ` +
    `(the desk's own work: ${(deskCpu - bareCpu).toFixed(1)} µs; CPU-bound ratio ${(bareCpu / deskCpu).toFixed(3)})`
)
console.log(`requests answered by the desk: ${desk.services.localApi.status().requestCount}`)

await new Promise((resolve) => bare.close(resolve))
await desk.close()
