import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import CoWechatApi from 'co-wechat-api'
import { OfficialAccount } from 'node-easywechat'
import { afterEach, describe, expect, it } from 'vitest'
import { localApiWorld, type LocalApiWorld } from '../../support/local-api-world'
import { APPID, SECRET } from '../../support/keeper-world'

/**
 * Two real npm WeChat SDKs, unmodified, configured with nothing but their one API host setting pointed at the
 * desk, against the emulator behind it: they get the desk's shared token and ticket, their API calls are
 * relayed, a token killed outside the desk is healed, and any number of them cost WeChat one token call.
 */

interface Sdk {
  token(): Promise<string>
  callbackIps(): Promise<string[]>
  ticket(): Promise<string>
}

const folders: string[] = []

/** co-wechat-api: its host setting is `prefix`. */
function coWechatApi(desk: string): Sdk {
  const api = new CoWechatApi(APPID, SECRET)
  api.prefix = `${desk}/cgi-bin/`
  return {
    token: async () => (await api.ensureAccessToken()).accessToken,
    callbackIps: async () => (await api.getIp()).ip_list,
    ticket: async () => (await api.getTicket('jsapi')).ticket
  }
}

/** node-easywechat: its host setting is `http.baseURL` (its token cache is a folder of files: one per instance). */
function nodeEasyWechat(desk: string): Sdk {
  const cache = mkdtempSync(join(tmpdir(), 'easywechat-'))
  folders.push(cache)
  const app = new OfficialAccount({
    app_id: APPID,
    secret: SECRET,
    token: '',
    aes_key: '',
    http: { baseURL: `${desk}/` },
    file_cache: { path: cache, dirMode: 0o700, fileMode: 0o600, ext: '.cache' }
  })
  return {
    token: () => app.getAccessToken().getToken(),
    callbackIps: async () => {
      const answer = (await app.getClient().get('cgi-bin/getcallbackip')).toObject() as { ip_list: string[] }
      return answer.ip_list
    },
    ticket: () => app.getTicket().getTicket()
  }
}

const SDKS: [string, (desk: string) => Sdk][] = [
  ['co-wechat-api', coWechatApi],
  ['node-easywechat', nodeEasyWechat]
]

describe.each(SDKS)('%s with the desk as its API host', (_name, create) => {
  let w: LocalApiWorld
  afterEach(async () => {
    await w.close()
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  it('gets the shared token and calls an API through the desk', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const sdk = create(w.url)
    const token = await sdk.token()
    expect(token).toBe(w.keeper.current(w.profileId)?.value)
    expect(await sdk.callbackIps()).toContain('101.226.62.77')
    const relayed = w.callLog.list(w.profileId).find((e) => e.endpoint === '/cgi-bin/getcallbackip')
    expect(relayed).toMatchObject({ source: 'gateway', httpStatus: 200, errcode: null, flags: [] })
    expect(relayed?.url).toContain('access_token=***')
  })

  it('gets the shared JS-SDK ticket', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const ticket = await create(w.url).ticket()
    expect(ticket).toBe(w.tickets.current(w.profileId, 'jsapi')?.value)
    expect(await create(w.url).ticket()).toBe(ticket)
    expect(w.emulator.ticketCalls(APPID)).toBe(1)
  })

  it('keeps working when its token is killed outside the desk: the desk heals the call', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const sdk = create(w.url)
    const first = await sdk.token()
    expect(await sdk.callbackIps()).toHaveLength(5)
    // Someone else fetches classic tokens twice with the same AppID: the desk's token dies at once.
    for (let i = 0; i < 2; i++) {
      await fetch(
        `${w.emulator.url}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`
      )
    }
    expect(w.emulator.tokenState(first)).toBe('superseded')

    expect(await sdk.callbackIps()).toHaveLength(5)
    const current = w.keeper.current(w.profileId)?.value
    expect(current).toBeDefined()
    expect(current).not.toBe(first)
    const relayed = w.callLog.list(w.profileId).filter((e) => e.endpoint === '/cgi-bin/getcallbackip')
    expect(relayed[0]).toMatchObject({ source: 'gateway', errcode: null, flags: ['healed'] })
    expect(relayed[1]).toMatchObject({ source: 'gateway', errcode: 40001, flags: ['retried'] })
    // The SDK still holds the dead token: its next call is sent with the current one, with no failed attempt.
    expect(await sdk.callbackIps()).toHaveLength(5)
    expect(w.callLog.list(w.profileId)[0]).toMatchObject({ errcode: null, flags: ['healed'] })
  })

  it('many instances of it cost WeChat one token call', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const instances = Array.from({ length: 8 }, () => create(w.url))
    const tokens = await Promise.all(instances.map((sdk) => sdk.token()))
    const answers = await Promise.all(instances.map((sdk) => sdk.callbackIps()))
    expect(new Set(tokens).size).toBe(1)
    expect(answers.every((ips) => ips.length === 5)).toBe(true)
    expect(w.emulator.stats(APPID).classic).toBe(1)
  })
})
