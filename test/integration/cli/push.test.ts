import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../../../src/cli/index'
import { startWebotReceiver, type Receiver } from '../../support/push-receivers'

const TOKEN = 'pamtest'
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const APPID = 'wxb11529c136998cb6'

function io(argv: string[], env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return { argv, env, stdout: (t) => out.push(t), stderr: (t) => err.push(t), version: '9.9.9', out, err }
}

interface Report {
  kind: string
  accepted: boolean
  summary: { en: string; 'zh-CN': string }
  findings: { code: string; level: string }[]
  phone?: { kind: string; text?: string }
  reply?: { encrypted: boolean; msgType: string } | null
  attempts: unknown[]
  request: { method: string; url: string }
  curl: string
}

const reportOf = (run: { out: string[] }): Report => JSON.parse(run.out.join('')) as Report

describe('the push command line, in process, against node-webot', () => {
  let receiver: Receiver
  let dir: string
  beforeAll(async () => {
    receiver = await startWebotReceiver({ token: TOKEN, aes: { encodingAESKey: AES_KEY, appid: APPID } })
    dir = mkdtempSync(join(tmpdir(), 'push-cli-'))
  })
  afterAll(async () => {
    await receiver.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints its usage, naming the environment variables', async () => {
    const run = io(['push', '--help'])
    expect(await runCli(run)).toBe(0)
    const usage = run.out.join('')
    expect(usage).toContain('Usage: wechat-token-desk push')
    expect(usage).toContain('WECHAT_PUSH_TOKEN')
    expect(usage).toContain('WECHAT_PUSH_AES_KEY')
    const general = io(['--help'])
    await runCli(general)
    expect(general.out.join('')).toContain('wechat-token-desk push --help')
  })

  it('verifies the URL and exits 0', async () => {
    const run = io(['push', '--url', receiver.url, '--token', TOKEN, '--verify'])
    expect(await runCli(run)).toBe(0)
    const report = reportOf(run)
    expect(report).toMatchObject({ kind: 'verify', accepted: true, request: { method: 'GET' } })
    expect(report.curl).toContain(`'${report.request.url}'`)
  })

  it('sends a text in safe mode with the Token and key from the environment, and prints the decoded reply', async () => {
    const run = io(
      [
        'push',
        '--url',
        receiver.url,
        '--mode',
        'safe',
        '--appid',
        APPID,
        '--type',
        'text',
        '--content',
        'hi'
      ],
      { WECHAT_PUSH_TOKEN: TOKEN, WECHAT_PUSH_AES_KEY: AES_KEY }
    )
    expect(await runCli(run)).toBe(0)
    const report = reportOf(run)
    expect(report).toMatchObject({
      kind: 'push',
      accepted: true,
      phone: { kind: 'text', text: 'echo: hi' },
      reply: { encrypted: true, msgType: 'text' }
    })
    expect(report.findings.map((f) => f.code)).toContain('create-time-milliseconds')
    const all = run.out.join('') + run.err.join('')
    expect(all).not.toContain(AES_KEY)
    expect(all).not.toContain(TOKEN)
  })

  it('sends an event from a parametric QR code', async () => {
    const run = io(['push', '--url', receiver.url, '--token', TOKEN, '--event', 'subscribe', '--scene', '42'])
    expect(await runCli(run)).toBe(0)
    expect(reportOf(run).phone).toEqual({ kind: 'text', text: 'event subscribe qrscene_42' })
    expect(receiver.received.at(-1)).toMatchObject({ Event: 'subscribe', EventKey: 'qrscene_42' })
  })

  it('sends a raw body from a file', async () => {
    const file = join(dir, 'body.xml')
    writeFileSync(
      file,
      '<xml><ToUserName><![CDATA[gh_d3e07d51b513]]></ToUserName><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[from a file]]></Content><MsgId>1</MsgId></xml>'
    )
    const run = io(['push', '--url', receiver.url, '--token', TOKEN, '--body', file])
    expect(await runCli(run)).toBe(0)
    expect(reportOf(run).phone).toEqual({ kind: 'text', text: 'echo: from a file' })
  })

  it('exits 1 with the reason when WeChat would refuse the answer', async () => {
    const run = io(['push', '--url', receiver.url, '--token', 'wrongToken', '--type', 'text'])
    expect(await runCli(run)).toBe(1)
    expect(reportOf(run)).toMatchObject({ accepted: false, phone: { kind: 'service-unavailable' } })
    const err = run.err.join('')
    expect(err).toContain('WeChat would not accept this answer')
    expect(err).toContain('another Token')
    expect(err).toContain('该公众号暂时无法提供服务')
  })

  it('exits 2 for a bad command line, naming each problem', async () => {
    const run = io(['push', '--url', receiver.url, '--type', 'sticker', '--mode', 'secret'])
    expect(await runCli(run)).toBe(2)
    const err = run.err.join('')
    expect(err).toContain('--mode: expected plain | compat | safe')
    expect(err).toContain('--type: official-account messages are text | image')
    const noToken = io(['push', '--url', receiver.url, '--verify'])
    expect(await runCli(noToken)).toBe(2)
    expect(noToken.err.join('')).toContain('--token: required (or set WECHAT_PUSH_TOKEN)')
    const safe = io(['push', '--url', receiver.url, '--token', TOKEN, '--mode', 'safe', '--verify'])
    expect(await runCli(safe)).toBe(2)
    expect(safe.err.join('')).toContain('encodingAesKey: EncodingAESKey is required in safe mode')
    expect(safe.out.join('')).toBe('')
  })
})
