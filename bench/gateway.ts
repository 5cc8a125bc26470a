/**
 * The gateway's overhead: the same WeChat API call (`GET /cgi-bin/getcallbackip?access_token=…`, the held
 * token) sent to the built-in emulator directly, and through the desk's WeChat host, which resolves the app
 * by its token, relays the call, reads the answer for a token error and logs the call (masked) in the call
 * log. Same machine, same run, 50 connections, pinned and paired as in `bench/paired-runs.ts`.
 *
 * Then N SDK instances (co-wechat-api, its host pointed at the desk) × M calls each: how many token calls
 * reach WeChat, beside the same SDKs pointed at the emulator directly.
 *
 *   npm run bench:gateway    (BENCH_PAIRS=8, BENCH_SECONDS=2, BENCH_SDKS=20, BENCH_CALLS=25 by default)
 *
 * Prints figures measured in this run; it passes or fails nothing.
 */
import CoWechatApi from 'co-wechat-api'
import { SANDBOX_APPID, SANDBOX_SECRET } from '../src/emulator'
import { startTestDesk } from '../test/support/desk'
import { CONNECTIONS, PairedBench } from './paired-runs'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2)
const PAIRS = Number(process.env['BENCH_PAIRS'] ?? 8)
const SDKS = Number(process.env['BENCH_SDKS'] ?? 20)
const CALLS = Number(process.env['BENCH_CALLS'] ?? 25)

const bench = new PairedBench()
const desk = await startTestDesk()
const status = await desk.services.localApi.update({ enabled: true, port: 0 })
const emulator = desk.services.sandbox?.emulator
if (!emulator || !status.url) throw new Error('the bench needs the sandbox emulator and the local API')
const held = await desk.services.tokens.ensure('sandbox')
const path = `/cgi-bin/getcallbackip?access_token=${encodeURIComponent(held.value)}`

const through = await fetch(`${status.url}${path}`)
if (through.status !== 200) throw new Error(`the gateway answered ${through.status}: ${await through.text()}`)

console.log(
  `gateway bench: ${CONNECTIONS} connections, ${PAIRS} pairs of ${SECONDS} s runs, GET /cgi-bin/getcallbackip; ` +
    (bench.pinned ? 'servers pinned to CPU 0, load generator to CPU 1' : 'not pinned (no taskset or one CPU)')
)
await bench.pairs(
  { url: `${emulator.url}${path}`, label: 'emulator direct' },
  { url: `${status.url}${path}`, label: 'through the desk' },
  { pairs: PAIRS, seconds: SECONDS, headers: {} }
)
bench.close()

/** N co-wechat-api instances, each making M API calls: the upstream token calls that cost, and the calls that failed. */
async function sdkRun(host: string): Promise<{ tokenCalls: number; failed: number }> {
  const before = emulator?.stats(SANDBOX_APPID) ?? { classic: 0, stable: 0 }
  const sdks = Array.from({ length: SDKS }, () => {
    const api = new CoWechatApi(SANDBOX_APPID, SANDBOX_SECRET)
    api.prefix = `${host}/cgi-bin/`
    return api
  })
  let failed = 0
  await Promise.all(
    sdks.map(async (api) => {
      for (let i = 0; i < CALLS; i++) await api.getIp().catch(() => failed++)
    })
  )
  const after = emulator?.stats(SANDBOX_APPID) ?? { classic: 0, stable: 0 }
  return { tokenCalls: after.classic + after.stable - before.classic - before.stable, failed }
}

const viaDesk = await sdkRun(status.url)
const deskStats = emulator.stats(SANDBOX_APPID)
const deskTotal = deskStats.classic + deskStats.stable
const direct = await sdkRun(emulator.url)
console.log('')
console.log(
  `${SDKS} co-wechat-api instances × ${CALLS} calls: through the desk ${viaDesk.tokenCalls} more upstream token ` +
    `call(s) (${deskTotal} since the desk started, the whole bench included), ${viaDesk.failed} failed calls; ` +
    `pointed at the emulator directly ${direct.tokenCalls} token calls, ${direct.failed} failed calls ` +
    '(each classic fetch kills the token two fetches back)'
)
await desk.close()
