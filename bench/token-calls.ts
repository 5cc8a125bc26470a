/**
 * Upstream token calls: the desk's token keeper beside a naive client that fetches a token for every
 * request, both against the built-in emulator over real HTTP on 127.0.0.1, with a simulated clock.
 *
 *   npm run bench
 *
 * Prints figures measured in this run; it passes or fails nothing.
 */
import { createWeChatClient } from '../src/core/wechat'
import { keeperWorld, APPID, SECRET, type KeeperWorld } from '../test/support/keeper-world'

const MIN = 60_000
const HOUR = 60 * MIN

interface Row {
  scenario: string
  desk: number
  naive: number
}

/** A client with no cache: every request fetches a token first (the anti-pattern WeChat warns about). */
async function naiveFetches(world: KeeperWorld, requests: number, mode: 'stable' | 'classic', spacingMs = 0) {
  const client = createWeChatClient({ clock: world.clock })
  const before = world.upstreamCalls()
  for (let i = 0; i < requests; i++) {
    const params = { apiBase: world.emulator.url, appid: APPID, secret: SECRET }
    if (mode === 'classic') await client.getToken(params)
    else await client.getStableToken({ ...params, forceRefresh: false })
    if (spacingMs) await world.clock.advance(spacingMs)
  }
  await client.close()
  return world.upstreamCalls() - before
}

async function concurrentPassive(mode: 'stable' | 'classic'): Promise<Row> {
  const world = await keeperWorld({ mode })
  const stale = await world.keeper.ensure(world.profileId)
  const before = world.upstreamCalls()
  await Promise.all(
    Array.from({ length: 1000 }, () => world.keeper.passiveRefresh(world.profileId, stale.value))
  )
  const desk = world.upstreamCalls() - before
  const naive = await naiveFetches(world, 1000, mode)
  await world.close()
  return { scenario: `1000 concurrent passive refreshes, same stale token (${mode})`, desk, naive }
}

async function day(mode: 'stable' | 'classic'): Promise<Row> {
  // Workload: a backend making one WeChat API request per minute for 24 h.
  const world = await keeperWorld({ mode })
  const before = world.upstreamCalls()
  for (let minute = 0; minute < 24 * 60; minute++) {
    await world.keeper.ensure(world.profileId)
    await world.advance(MIN)
  }
  const desk = world.upstreamCalls() - before
  await world.close()
  const naiveWorld = await keeperWorld({ mode })
  const naive = await naiveFetches(naiveWorld, 24 * 60, mode, MIN)
  await naiveWorld.close()
  return { scenario: `24 simulated hours, 1 request/min (${mode})`, desk, naive }
}

async function restart(mode: 'stable' | 'classic'): Promise<Row> {
  const world = await keeperWorld({ mode })
  await world.keeper.ensure(world.profileId)
  await world.advance(HOUR)
  await world.restart()
  const before = world.upstreamCalls()
  await world.keeper.ensure(world.profileId)
  const desk = world.upstreamCalls() - before
  const naive = await naiveFetches(world, 1, mode)
  await world.close()
  return { scenario: `restart 1 h after a fetch, first request (${mode})`, desk, naive }
}

const rows: Row[] = []
for (const mode of ['stable', 'classic'] as const) {
  rows.push(await concurrentPassive(mode), await day(mode), await restart(mode))
}

const width = Math.max(...rows.map((r) => r.scenario.length))
console.log(`${'scenario'.padEnd(width)}  desk  naive  naive/desk`)
for (const r of rows) {
  const ratio = r.desk === 0 ? '∞ (desk made none)' : (r.naive / r.desk).toFixed(1)
  console.log(
    `${r.scenario.padEnd(width)}  ${String(r.desk).padStart(4)}  ${String(r.naive).padStart(5)}  ${ratio}`
  )
}
