import { describe, expect, it } from 'vitest'
import {
  aesKeyOf,
  checkEncodingAesKey,
  decryptPayload,
  encryptPayload,
  generateEncodingAesKey,
  maskSecret,
  messageSignature,
  urlSignature
} from '../../../../src/core/push'

describe('signatures (wechat-api.md §10.1)', () => {
  it('signs the documented verification vector, sorting as strings', () => {
    const trace = urlSignature('AAAAA', '1714036504', '1514711492')
    expect(trace.signature).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696')
    expect(trace.joined).toBe('15147114921714036504A•••A')
  })

  it('signs the computed pamtest vector', () => {
    const trace = urlSignature('pamtest', '1409304348', 'xxxxxx')
    expect(trace.signature).toBe('76480565cbe296026c53aaacd1ad523a1ddba24f')
    expect(trace.sorted).toEqual(['1409304348', 'p•••••t', 'xxxxxx'])
  })

  it('sorts by code unit, not by number: "10" before "9", digits before upper before lower case', () => {
    expect(urlSignature('tok', '9', '10').sorted).toEqual(['10', '9', '•••'])
    expect(urlSignature('Token', 'abc', '123').sorted).toEqual(['123', 'T•••n', 'abc'])
  })

  it('masks a Token but keeps its length and ends', () => {
    expect(maskSecret('pamtest')).toBe('p•••••t')
    expect(maskSecret('abcd')).toBe('••••')
  })
})

describe('the AES layer (wechat-api.md §10.3)', () => {
  const keyA = aesKeyOf('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')
  const keyB = aesKeyOf('A'.repeat(43))

  it('reproduces vector A: Encrypt and msg_signature', () => {
    const sealed = encryptPayload(
      keyA,
      '我是中文abcd123',
      'wxb11529c136998cb6',
      Buffer.from('aaaabbbbccccdddd')
    )
    expect(sealed).toBe(
      'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=='
    )
    expect(Buffer.from(sealed, 'base64')).toHaveLength(64)
    expect(messageSignature('pamtest', '1409304348', 'xxxxxx', sealed).signature).toBe(
      '82c962d39941aa48552f90ef55aa323dc620cc10'
    )
    expect(decryptPayload(keyA, sealed)).toMatchObject({
      ok: true,
      message: '我是中文abcd123',
      appId: 'wxb11529c136998cb6'
    })
  })

  it('reproduces vector B: the JSON push and its encrypted reply', () => {
    const push =
      '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}'
    const sealed = encryptPayload(keyB, push, 'wxba5fad812f8e6fb9', Buffer.from('a8eedb185eb2fecf'))
    expect(sealed).toBe(
      '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04='
    )
    expect(messageSignature('AAAAA', '1714112445', '415670741', sealed).signature).toBe(
      '046e02f8204d34f8ba5fa3b1db94908f3df2e9b3'
    )
    const reply = encryptPayload(
      keyB,
      '{"demo_resp":"good luck"}',
      'wxba5fad812f8e6fb9',
      Buffer.from('707722b803182950')
    )
    expect(reply).toBe(
      'ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ=='
    )
    expect(messageSignature('AAAAA', '1713424427', '415670741', reply).signature).toBe(
      '1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1'
    )
  })

  it('says which layer failed when it cannot decrypt', () => {
    const sealed = encryptPayload(keyA, 'hello', 'wxb11529c136998cb6', Buffer.alloc(16, 1))
    const failed = (text: string, key = keyA): string => {
      const opened = decryptPayload(key, text)
      return opened.ok ? 'opened' : opened.reason.en
    }
    expect(failed('not base64!')).toContain('not Base64')
    expect(failed(Buffer.alloc(20).toString('base64'))).toContain('whole AES blocks')
    expect(failed(sealed, keyB)).toMatch(/another key|runs past/)
  })

  it('generates EncodingAESKeys of 43 letters and digits', () => {
    for (let i = 0; i < 20; i++) {
      const key = generateEncodingAesKey()
      expect(key).toMatch(/^[A-Za-z0-9]{43}$/)
      expect(checkEncodingAesKey(key)).toBeNull()
      expect(aesKeyOf(key).key).toHaveLength(32)
    }
    expect(checkEncodingAesKey('short')?.en).toContain('43 characters')
    expect(checkEncodingAesKey(`${'a'.repeat(42)}+`)?.en).toContain('character 43')
  })
})
