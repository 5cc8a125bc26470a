import { describe, expect, it } from 'vitest'
import { SANDBOX_APPID, SANDBOX_SECRET } from '../../../src/emulator'
import { runCli, type CliIo } from '../../../src/cli/index'
import { httpCall } from '../../support/local-api-world'

const KEY = 'in-process-cli-key-0123456789-abcdefghijk'

function io(argv: string[], env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return { argv, env, stdout: (t) => out.push(t), stderr: (t) => err.push(t), version: '9.9.9', out, err }
}

describe('the serve command line, in process', () => {
  it('prints usage and version', async () => {
    const help = io(['--help'])
    expect(await runCli(help)).toBe(0)
    expect(help.out.join('')).toContain('Usage: wechat-token-desk serve')
    const version = io(['--version'])
    expect(await runCli(version)).toBe(0)
    expect(version.out.join('')).toBe('9.9.9\n')
  })

  it('refuses a non-loopback --host unless allowed', async () => {
    const run = io(['serve', '--emulator', '--host', '192.168.7.7', '--port', '0'])
    expect(await runCli(run)).toBe(2)
    expect(run.err.join('')).toContain('--host: Listening on 192.168.7.7')
  })

  it('refuses a DESK_API_KEY that is too short or a DESK_DATA_KEY that is too weak', async () => {
    const shortKey = io(['serve', '--emulator', '--port', '0'], { DESK_API_KEY: 'short' })
    expect(await runCli(shortKey)).toBe(2)
    expect(shortKey.err.join('')).toContain('DESK_API_KEY: The API key must be at least 32 characters')
    const weak = io(['serve', '--emulator', '--port', '0'], { DESK_DATA_KEY: 'weak' })
    expect(await runCli(weak)).toBe(2)
    expect(weak.err.join('')).toContain('DESK_DATA_KEY')
  })

  it('serves the sandbox with --emulator, logging JSON lines without secrets, and stops', async () => {
    const run = io(['serve', '--emulator', '--port', '0'], { DESK_API_KEY: KEY })
    const desk = await runCli(run)
    if (typeof desk === 'number') throw new Error(run.err.join(''))
    const res = await httpCall(desk.url, {
      path: `/v1/apps/${SANDBOX_APPID}/access-token`,
      headers: { authorization: `Bearer ${KEY}` }
    })
    expect(res.status).toBe(200)
    const compat = await httpCall(desk.url, {
      path: `/cgi-bin/token?grant_type=client_credential&appid=${SANDBOX_APPID}&secret=${SANDBOX_SECRET}`
    })
    expect(compat.json()).toMatchObject({ access_token: res.json<{ access_token: string }>().access_token })
    await desk.stop('test')
    await desk.stop('test') // idempotent

    const lines = run.out.join('').trimEnd().split('\n')
    const events = lines.map((line) => (JSON.parse(line) as { event: string }).event)
    expect(events).toEqual(
      expect.arrayContaining(['starting', 'storage', 'emulator', 'listening', 'token', 'request'])
    )
    expect(events.slice(-2)).toEqual(['stopping', 'stopped'])
    // One line per API request, in order, with what the panel shows (route without its query).
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['event'] === 'request')
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        route: `/v1/apps/${SANDBOX_APPID}/access-token`,
        status: 200,
        caller_port: expect.any(Number) as number,
        duration_ms: expect.any(Number) as number
      }),
      expect.objectContaining({ method: 'GET', route: '/cgi-bin/token', status: 200 })
    ])
    const all = run.out.join('')
    expect(all).not.toContain(KEY)
    expect(all).not.toContain(SANDBOX_SECRET)
    expect(all).not.toContain(res.json<{ access_token: string }>().access_token)
    expect(all).not.toContain('secret=')
  })
})
