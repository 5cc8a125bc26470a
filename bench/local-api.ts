/**
 * The local API's hot path — `GET /v1/apps/{appid}/access-token` with a held token — against a bare
 * `node:http` server answering a constant JSON of the same size, on the same machine in the same run, both
 * driven by autocannon at 50 connections (pinning and pairing: `bench/paired-runs.ts`).
 *
 *   npm run bench:api        (BENCH_PAIRS=12 and BENCH_SECONDS=2 by default: about a minute)
 *
 * Prints figures measured in this run; it passes or fails nothing.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SANDBOX_APPID } from '../src/emulator'
import { startTestDesk } from '../test/support/desk'
import { CONNECTIONS, PairedBench } from './paired-runs'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2)
const PAIRS = Number(process.env['BENCH_PAIRS'] ?? 12)

const bench = new PairedBench()
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

console.log(
  `local API bench: ${CONNECTIONS} connections, ${PAIRS} pairs of ${SECONDS} s runs, token ${held.mode}, ` +
    `body ${constant.length} B; ` +
    (bench.pinned ? 'servers pinned to CPU 0, load generator to CPU 1' : 'not pinned (no taskset or one CPU)')
)
await bench.pairs(
  { url: bareUrl, label: 'bare node:http' },
  { url: deskUrl, label: 'desk access-token' },
  { pairs: PAIRS, seconds: SECONDS, headers: auth }
)
console.log(`requests answered by the desk: ${desk.services.localApi.status().requestCount}`)

bench.close()
await new Promise((resolve) => bare.close(resolve))
await desk.close()
