/**
 * One local client tries to lock the others out of the Local API (issue: hardening, findings 1 and 2), on
 * 127.0.0.1 with bounded loops: 1,100 idle sockets, then 1,024 event streams. For each flood it prints how
 * many connections or streams the server kept, whether /healthz and the token route answered, and their
 * latency while the flood was on.
 *
 *   npm run bench:flood
 *
 * Prints figures measured in this run; it passes or fails nothing.
 */
import { performance } from 'node:perf_hooks'
import { httpCall } from '../test/support/local-api-world'
import { localApiWorld } from '../test/support/local-api-world'
import { APPID } from '../test/support/keeper-world'
import { openSockets } from '../test/support/socket-flood'

const IDLE_SOCKETS = 1_100
const STREAMS = 1_024
const PROBES = 20

async function probe(url: string, path: string, headers: Record<string, string> = {}): Promise<string> {
  const times: number[] = []
  let answered = 0
  for (let i = 0; i < PROBES; i++) {
    const started = performance.now()
    try {
      const answer = await httpCall(url, { path, headers })
      if (answer.status === 200) answered++
    } catch {
      // refused or reset: counted as not answered
    }
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (q: number): string =>
    (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1)
  return `${answered}/${PROBES} answered 200, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`
}

const w = await localApiWorld({ mode: 'classic' })
await w.keeper.ensure(w.profileId)
const auth = { authorization: `Bearer ${w.key}` }
const tokenPath = `/v1/apps/${APPID}/access-token`
console.log(`Local API on ${w.url}`)
console.log(`baseline              /healthz: ${await probe(w.url, '/healthz')}`)
console.log(`baseline           token route: ${await probe(w.url, tokenPath, auth)}`)

const idle = await openSockets(w.port, IDLE_SOCKETS)
await new Promise((resolve) => setTimeout(resolve, 300))
console.log(
  `\n${IDLE_SOCKETS} idle sockets opened; still open after the server shed idle ones: ${idle.open()}`
)
console.log(`under the idle flood   /healthz: ${await probe(w.url, '/healthz')}`)
console.log(`under the idle flood token route: ${await probe(w.url, tokenPath, auth)}`)
idle.close()

const request = `GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1:${w.port}\r\nAuthorization: Bearer ${w.key}\r\n\r\n`
const streams = await openSockets(w.port, STREAMS, request)
await new Promise((resolve) => setTimeout(resolve, 500))
const refusedAnswer = await httpCall(w.url, { path: '/v1/events', headers: auth })
const statuses = [...streams.statuses()].map(([code, n]) => `${n} × ${code}`).join(', ')
console.log(`\n${STREAMS} event streams asked for on one connection each: ${statuses}`)
console.log(`one more stream: HTTP ${refusedAnswer.status} ${refusedAnswer.text.slice(0, 120)}`)
console.log(`under the stream flood   /healthz: ${await probe(w.url, '/healthz')}`)
console.log(`under the stream flood token route: ${await probe(w.url, tokenPath, auth)}`)
streams.close()
await w.close()
