import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator, SANDBOX_APPID, SANDBOX_SECRET, type Emulator } from '../../../src/emulator'
import { httpCall } from '../../support/local-api-world'
import { eventually } from '../../support/oauth-world'
import { tempDir } from '../../support/memory-ports'

const SERVE = resolve('out/main/serve.js')
const APPID = 'wx00c0ffee00c0ffee'
const SECRET = 'feedfacefeedfacefeedfacefeedface'
const API_KEY = 'headless-test-key-0123456789-abcdefghijklmnop'
const DATA_KEY = 'headless-data-key-0123456789'

/** The newest modification time of any file below `dir`. */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

interface LogLine {
  event: string
  level: string
  [field: string]: unknown
}

interface Running {
  child: ChildProcess
  lines: LogLine[]
  stdout(): string
  stderr(): string
  waitFor(event: string, timeoutMs?: number): Promise<LogLine>
  exited: Promise<number | null>
}

const children = new Set<ChildProcess>()

function startServe(args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [SERVE, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.add(child)
  let out = ''
  let err = ''
  let partial = ''
  const lines: LogLine[] = []
  const waiters: { event: string; resolve: (line: LogLine) => void }[] = []
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
    partial += chunk
    let nl: number
    while ((nl = partial.indexOf('\n')) !== -1) {
      const text = partial.slice(0, nl)
      partial = partial.slice(nl + 1)
      const line = JSON.parse(text) as LogLine
      lines.push(line)
      for (const w of waiters.filter((w) => w.event === line.event)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(line)
      }
    }
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child)
      resolve(code)
    })
  )
  return {
    child,
    lines,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(event, timeoutMs = 10_000) {
      const seen = lines.find((l) => l.event === event)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no "${event}" line within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`)),
          timeoutMs
        )
        waiters.push({
          event,
          resolve: (line) => {
            clearTimeout(timer)
            resolve(line)
          }
        })
      })
    }
  }
}

/** Every file the built entry loads, following its relative imports. */
function builtModuleGraph(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), match[1] ?? ''))
    }
  }
  visit(entry)
  return [...seen]
}

describe('headless serve (the built command, as a child process)', () => {
  let emulator: Emulator
  let dir: { path: string; remove: () => void }
  let config: string

  beforeAll(async () => {
    // The built command is what users run; build it when it is missing or older than the sources.
    if (!existsSync(SERVE) || statSync(SERVE).mtimeMs < newestSource('src')) {
      execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore', timeout: 170_000 })
    }
    emulator = createEmulator({ apps: [{ appid: APPID, secret: SECRET, accountType: 'normal' }] })
    await emulator.start()
    dir = tempDir('desk-serve-')
    config = join(dir.path, 'apps.json')
    writeFileSync(
      config,
      JSON.stringify({
        apps: [
          {
            appid: APPID,
            name: 'Serve test OA',
            kind: 'official-account',
            env: 'dev',
            mode: 'classic',
            apiBase: emulator.url
          }
        ]
      })
    )
  }, 180_000)

  afterEach(() => {
    for (const child of children) child.kill('SIGKILL')
  })

  afterAll(async () => {
    await emulator.close()
    dir.remove()
  })

  it('is built without anything from Electron', () => {
    const files = builtModuleGraph(SERVE)
    expect(files.length).toBeGreaterThan(1)
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /(?:from\s*|require\(\s*|import\(\s*)["']electron["']/
      )
    }
  })

  it('is the WeChat host too: an SDK’s token, ticket and API call, each logged as a line with no token in it', async () => {
    // Its own emulator: the other tests count the token calls of theirs.
    const own = createEmulator({ apps: [{ appid: APPID, secret: SECRET, accountType: 'normal' }] })
    await own.start()
    const ownConfig = join(dir.path, 'own-apps.json')
    const app = { appid: APPID, name: 'Gateway OA', kind: 'official-account', env: 'dev', mode: 'stable' }
    writeFileSync(ownConfig, JSON.stringify({ apps: [{ ...app, apiBase: own.url }] }))
    const env = { DESK_API_KEY: API_KEY, [`WECHAT_SECRET_${APPID}`]: SECRET }
    const run = startServe(['serve', '--config', ownConfig, '--port', '0'], env)
    const url = String((await run.waitFor('listening'))['url'])
    const token = (
      await httpCall(url, {
        path: `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`
      })
    ).json<{ access_token: string }>().access_token
    const ips = await httpCall(url, { path: `/cgi-bin/getcallbackip?access_token=${token}` })
    expect(ips.json<{ ip_list: string[] }>().ip_list.length).toBeGreaterThan(0)
    const ticket = await httpCall(url, { path: `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi` })
    expect(ticket.json()).toMatchObject({ errcode: 0, errmsg: 'ok' })
    const refused = await httpCall(url, { path: '/cgi-bin/user/get?access_token=unknown' })
    expect(refused.json()).toMatchObject({ errcode: 40001 })

    await eventually(() => run.lines.filter((l) => l.event === 'relayed').length >= 4)
    const relayed = run.lines.find((l) => l.event === 'relayed' && l['endpoint'] === '/cgi-bin/getcallbackip')
    expect(relayed).toMatchObject({ appid: APPID, source: 'gateway', http_status: 200, flags: [] })
    expect(relayed?.['caller_port']).toEqual(expect.any(Number))
    const refusal = run.lines.find((l) => l.event === 'relayed' && l['errcode'] === 40001)
    expect(refusal).toMatchObject({ appid: null, meaning: expect.stringMatching(/token/i) })
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    await own.close()
    const ticketValue = ticket.json<{ ticket: string }>().ticket
    for (const text of [run.stdout(), run.stderr()]) {
      for (const secret of [SECRET, API_KEY, token, ticketValue]) expect(text).not.toContain(secret)
    }
  })

  it('serves a token, and after a restart on the same --data-dir serves it again without calling WeChat', async () => {
    const dataDir = join(dir.path, 'data')
    const env = { DESK_DATA_KEY: DATA_KEY, DESK_API_KEY: API_KEY, [`WECHAT_SECRET_${APPID}`]: SECRET }
    const args = ['serve', '--config', config, '--port', '0', '--data-dir', dataDir]

    const first = startServe(args, env)
    const listening = await first.waitFor('listening')
    expect(await first.waitFor('storage')).toMatchObject({ tokens: 'persisted', dataDir })
    const url = String(listening['url'])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const auth = { authorization: `Bearer ${API_KEY}` }
    const answer = await httpCall(url, { path: `/v1/apps/${APPID}/access-token`, headers: auth })
    expect(answer.status).toBe(200)
    const token = answer.json<{ access_token: string }>().access_token
    expect(emulator.stats(APPID).classic).toBe(1)
    await first.waitFor('token')

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(first.lines.map((l) => l.event)).toEqual(expect.arrayContaining(['stopping', 'stopped']))

    const second = startServe(args, env)
    const url2 = String((await second.waitFor('listening'))['url'])
    const again = await httpCall(url2, { path: `/v1/apps/${APPID}/access-token`, headers: auth })
    expect(again.json<{ access_token: string }>().access_token).toBe(token)
    expect(emulator.stats(APPID).classic).toBe(1)
    second.child.kill('SIGINT')
    expect(await second.exited).toBe(0)

    // Nothing secret in the logs or, in clear, on disk.
    for (const run of [first, second]) {
      for (const text of [run.stdout(), run.stderr()]) {
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain(API_KEY)
        expect(text).not.toContain(token)
      }
    }
    // The AES key is derived with this data folder's own salt, kept beside the data.
    expect(readdirSync(dataDir)).toContain('data-key.salt')
    for (const file of readdirSync(dataDir)) {
      const content = readFileSync(join(dataDir, file), 'utf8')
      expect(content).not.toContain(token)
      expect(content).not.toContain(SECRET)
    }
  }, 30_000)

  it('keeps tokens in memory only without DESK_DATA_KEY, and says so', async () => {
    const run = startServe(
      ['serve', '--config', config, '--port', '0', '--data-dir', join(dir.path, 'plain')],
      {
        DESK_API_KEY: API_KEY,
        [`WECHAT_SECRET_${APPID}`]: SECRET
      }
    )
    expect(await run.waitFor('storage')).toMatchObject({ level: 'warn', tokens: 'memory' })
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it('with --emulator and no key: prints a generated key once on stderr and serves the sandbox app', async () => {
    const run = startServe(['serve', '--emulator', '--port', '0'], {})
    const url = String((await run.waitFor('listening'))['url'])
    expect(await run.waitFor('storage')).toMatchObject({ tokens: 'memory' })
    // stderr and stdout are separate pipes: the key line may arrive after the 'listening' line.
    const announced = /\n {2}([A-Za-z0-9_-]{43})\n/
    await eventually(() => announced.test(run.stderr()))
    const key = announced.exec(run.stderr())?.[1] ?? ''
    expect(key).not.toBe('')
    expect(run.stdout()).not.toContain(key)
    const res = await httpCall(url, {
      path: `/v1/apps/${SANDBOX_APPID}/access-token`,
      headers: { authorization: `Bearer ${key}` }
    })
    expect(res.status).toBe(200)
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it('with --emulator: signs wx.config for the sandbox app and answers its Mini Program login end to end', async () => {
    const run = startServe(['serve', '--emulator', '--port', '0'], { DESK_API_KEY: API_KEY })
    const url = String((await run.waitFor('listening'))['url'])
    const emulatorUrl = String((await run.waitFor('emulator'))['url'])
    const authorization = `Bearer ${API_KEY}`
    const page = encodeURIComponent('https://www.example.com/pay?order=1#/step/2')
    const config = await httpCall(url, {
      path: `/v1/apps/${SANDBOX_APPID}/jssdk-config?url=${page}`,
      headers: { authorization }
    })
    expect(config.status).toBe(200)
    expect(config.json()).toMatchObject({
      appId: SANDBOX_APPID,
      signature: expect.stringMatching(/^[0-9a-f]{40}$/)
    })

    // The phone's part, played by the emulator's own endpoint; the rest goes through the desk as a backend would.
    const codeOf = async (kind: 'login' | 'phone'): Promise<string> => {
      const body = JSON.stringify({ appid: SANDBOX_APPID })
      const issued = await httpCall(emulatorUrl, {
        method: 'POST',
        path: `/emulator/mini-program/${kind}-code`,
        headers: { 'content-type': 'application/json' },
        body
      })
      return issued.json<{ code: string }>().code
    }
    const login = await codeOf('login')
    const exchange = (code: string): Promise<Record<string, unknown>> =>
      httpCall(url, {
        path: `/sns/jscode2session?appid=${SANDBOX_APPID}&secret=${SANDBOX_SECRET}&js_code=${code}&grant_type=authorization_code`
      }).then((res) => res.json())
    expect(await exchange(login)).toMatchObject({
      openid: expect.any(String),
      session_key: expect.any(String)
    })
    expect(await exchange(login)).toMatchObject({ errcode: 40163 })

    const token = await httpCall(url, {
      path: `/v1/apps/${SANDBOX_APPID}/access-token`,
      headers: { authorization }
    })
    const accessToken = token.json<{ access_token: string }>().access_token
    const phone = await httpCall(url, {
      method: 'POST',
      path: `/wxa/business/getuserphonenumber?access_token=${accessToken}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await codeOf('phone') })
    })
    expect(phone.json()).toMatchObject({ errcode: 0, phone_info: { phoneNumber: expect.any(String) } })
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it('refuses a bad config with a message naming the app and the field, and exit code 2', async () => {
    const bad = join(dir.path, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify({
        apps: [{ appid: APPID, name: 'x', kind: 'official-account', env: 'staging', mode: 'classic' }]
      })
    )
    const run = startServe(['serve', '--config', bad, '--port', '0'], { [`WECHAT_SECRET_${APPID}`]: SECRET })
    expect(await run.exited).toBe(2)
    expect(run.stderr()).toContain(`apps[0] (${APPID}): field "env"`)
    expect(await run.waitFor('config-invalid')).toMatchObject({ level: 'error' })
  })

  it('refuses to start without the secret, naming the environment variable', async () => {
    const run = startServe(['serve', '--config', config, '--port', '0'], {})
    expect(await run.exited).toBe(2)
    expect(run.stderr()).toContain(`WECHAT_SECRET_${APPID}`)
  })
})
