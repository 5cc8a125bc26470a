import { describe, expect, it } from 'vitest'
import {
  aesKeyOf,
  checkPushTarget,
  composeMessage,
  decryptPayload,
  PUSH_TEMPLATES,
  readMessageFacts,
  readXml,
  signPush,
  signVerification,
  templateById,
  type PushTarget,
  type PushTargetInput
} from '../../../../src/core/push'

const NOW = Date.UTC(2026, 10, 22, 2, 0, 0)
/** A counter as the random source, so every request is the same from run to run. */
function entropy(): { now: () => number; random: (n: number) => Buffer } {
  let seed = 0
  return {
    now: () => NOW,
    random: (n) => Buffer.from(Array.from({ length: n }, () => (seed = (seed * 31 + 7) % 251)))
  }
}

function target(input: Partial<PushTargetInput> = {}): PushTarget {
  const checked = checkPushTarget({ url: 'http://127.0.0.1:8080/wechat?x=1', token: 'pamtest', ...input })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  return checked.value
}

const AES = { encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wxb11529c136998cb6' }

function compose(t: PushTarget, id: string, values: Record<string, string> = {}) {
  const template = templateById(id)
  if (!template) throw new Error(id)
  return composeMessage(t, template, values, { now: NOW, msgId: '4611686018427387905' })
}

describe('push targets (服务器配置)', () => {
  it('takes any http(s) URL and fills the defaults', () => {
    expect(target()).toMatchObject({ mode: 'plain', account: 'official-account', format: 'xml' })
  })

  it('names every field that is wrong', () => {
    const checked = checkPushTarget({
      url: 'ftp://x',
      token: 'a b',
      mode: 'safe',
      format: 'json',
      openid: 'has space',
      appId: 'wx123'
    })
    expect(checked.ok ? [] : checked.issues.map((i) => i.path)).toEqual([
      'url',
      'token',
      'openid',
      'format',
      'encodingAesKey',
      'appId'
    ])
  })

  it('needs the EncodingAESKey and AppID outside plain mode only', () => {
    expect(checkPushTarget({ url: 'http://127.0.0.1/', token: 'abc', mode: 'compat' }).ok).toBe(false)
    expect(checkPushTarget({ url: 'http://127.0.0.1/', token: 'abc', mode: 'compat', ...AES }).ok).toBe(true)
    expect(checkPushTarget({ url: 'http://127.0.0.1/', token: 'ab' }).ok).toBe(false)
    expect(checkPushTarget({ url: 'http://user:pw@127.0.0.1/', token: 'abc' }).ok).toBe(false)
  })
})

describe('templates and bodies', () => {
  it('has a template for every message and event of §10.2 and §10.5', () => {
    expect(PUSH_TEMPLATES.map((t) => t.id)).toEqual([
      'text',
      'image',
      'voice',
      'video',
      'shortvideo',
      'location',
      'link',
      'event.subscribe',
      'event.subscribe.qrscene',
      'event.unsubscribe',
      'event.SCAN',
      'event.LOCATION',
      'event.CLICK',
      'event.VIEW',
      'event.TEMPLATESENDJOBFINISH',
      'mp.text',
      'mp.image',
      'mp.miniprogrampage',
      'mp.event.user_enter_tempsession'
    ])
  })

  it("writes a text message in WeChat's order, numbers bare, MsgId last", () => {
    const composed = compose(target(), 'text', { Content: 'hi' })
    expect(composed.ok && composed.value.body).toBe(
      '<xml><ToUserName><![CDATA[gh_d3e07d51b513]]></ToUserName><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName>' +
        '<CreateTime>1795312800</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content>' +
        '<MsgId>4611686018427387905</MsgId></xml>'
    )
  })

  it('writes a QR subscribe event with its qrscene_ EventKey and Ticket, and no MsgId', () => {
    const composed = compose(target(), 'event.subscribe.qrscene')
    if (!composed.ok) throw new Error('compose')
    expect(composed.value.fields.map((f) => f.name)).toEqual([
      'ToUserName',
      'FromUserName',
      'CreateTime',
      'MsgType',
      'Event',
      'EventKey',
      'Ticket'
    ])
    expect(composed.value.fields.find((f) => f.name === 'EventKey')?.value).toBe('qrscene_123123')
  })

  it('writes JSON with the 64-bit MsgId as digits, never through a JS number', () => {
    const composed = compose(target({ account: 'mini-program', format: 'json' }), 'mp.text')
    if (!composed.ok) throw new Error('compose')
    expect(composed.value.body).toContain('"MsgId":4611686018427387905}')
    expect(composed.value.body).toContain('"CreateTime":1795312800,')
    expect(readMessageFacts(composed.value.body, 'json')?.msgId).toBe('4611686018427387905')
  })

  it('refuses unknown fields and non-numbers where WeChat writes numbers', () => {
    const composed = compose(target(), 'location', { Nope: '1', Scale: 'big' })
    expect(composed.ok ? [] : composed.issues.map((i) => i.path)).toEqual(['fields.Nope', 'fields.Scale'])
  })
})

describe('requests signed as WeChat signs them', () => {
  it('verifies with GET ?signature&echostr&timestamp&nonce after the query the user typed', () => {
    const request = signVerification(target(), entropy())
    const url = new URL(request.url)
    expect([...url.searchParams.keys()]).toEqual(['x', 'signature', 'echostr', 'timestamp', 'nonce'])
    expect(url.searchParams.get('timestamp')).toBe('1795312800')
    expect(request.echostr).toMatch(/^[1-9]\d{18}$/)
    expect(url.searchParams.get('signature')).toBe(request.signature.signature)
    expect(request.body).toBeNull()
  })

  it('pushes in plain mode with signature, timestamp, nonce and openid, the body as is', () => {
    const body = '<xml><ToUserName><![CDATA[gh_1]]></ToUserName></xml>'
    const request = signPush(target(), body, entropy())
    expect([...new URL(request.url).searchParams.keys()]).toEqual([
      'x',
      'signature',
      'timestamp',
      'nonce',
      'openid'
    ])
    expect(request).toMatchObject({
      method: 'POST',
      body,
      msgSignature: null,
      headers: { 'content-type': 'text/xml' }
    })
  })

  it('pushes in compatible mode: the plaintext fields plus an Encrypt that opens to the same message', () => {
    const t = target({ mode: 'compat', ...AES })
    const composed = compose(t, 'text')
    if (!composed.ok) throw new Error('compose')
    const request = signPush(t, composed.value.body, entropy())
    const query = new URL(request.url).searchParams
    expect([...query.keys()]).toEqual([
      'x',
      'signature',
      'timestamp',
      'nonce',
      'openid',
      'encrypt_type',
      'msg_signature'
    ])
    expect(query.get('encrypt_type')).toBe('aes')
    const read = readXml(request.body ?? '')
    if (!read.ok) throw new Error('xml')
    expect(read.root.children.map((c) => c.name)).toEqual([
      'ToUserName',
      'FromUserName',
      'CreateTime',
      'MsgType',
      'Content',
      'MsgId',
      'Encrypt'
    ])
    const encrypt = read.root.children.at(-1)?.text ?? ''
    expect(query.get('msg_signature')).toBe(request.msgSignature?.signature)
    expect(decryptPayload(aesKeyOf(AES.encodingAesKey), encrypt)).toMatchObject({
      ok: true,
      message: composed.value.body,
      appId: AES.appId
    })
  })

  it('pushes in safe mode: only ToUserName and Encrypt, in XML or JSON', () => {
    const xml = signPush(
      target({ mode: 'safe', ...AES }),
      '<xml><ToUserName><![CDATA[gh_x]]></ToUserName></xml>',
      entropy()
    )
    expect(xml.body).toMatch(
      /^<xml><ToUserName><!\[CDATA\[gh_x]]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+]]><\/Encrypt><\/xml>$/
    )
    const json = signPush(
      target({ mode: 'safe', account: 'mini-program', format: 'json', ...AES }),
      '{"ToUserName":"gh_y","MsgType":"text"}',
      entropy()
    )
    expect(Object.keys(JSON.parse(json.body ?? '{}'))).toEqual(['ToUserName', 'Encrypt'])
    expect(json.headers['content-type']).toBe('application/json')
  })
})
