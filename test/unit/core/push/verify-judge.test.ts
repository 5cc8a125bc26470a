import { describe, expect, it } from 'vitest'
import {
  judgeVerification,
  urlSignature,
  type PushAttempt,
  type VerifyContext
} from '../../../../src/core/push'

const ECHOSTR = '5837397520521912400'
const context = (mode: VerifyContext['mode'] = 'plain'): VerifyContext => ({
  echostr: ECHOSTR,
  timestamp: '1409304348',
  nonce: '1514711492',
  signature: urlSignature('pamtest', '1409304348', '1514711492'),
  mode,
  timeoutMs: 5_000
})
const answer = (body: string, status = 200): PushAttempt => ({
  delivery: 1,
  startedAt: 0,
  durationMs: 2,
  outcome: { kind: 'answer', status, headers: {}, body, truncated: false }
})
const codes = (attempt: PushAttempt, ctx = context()): string[] =>
  judgeVerification(attempt, ctx).findings.map((f) => `${f.level}:${f.code}`)

describe('judging the verification answer like the platform', () => {
  it('passes only for exactly the echostr', () => {
    const verdict = judgeVerification(answer(ECHOSTR), context())
    expect(verdict).toMatchObject({ accepted: true, findings: [] })
  })

  it('refuses the echostr in quotes, with a newline, or with spaces, saying which', () => {
    expect(codes(answer(`"${ECHOSTR}"`))).toEqual(['refusal:echostr-quoted'])
    expect(codes(answer(`${ECHOSTR}\n`))).toEqual(['refusal:echostr-newline'])
    expect(codes(answer(` ${ECHOSTR}`))).toEqual(['refusal:echostr-whitespace'])
  })

  it('refuses JSON, HTML, another parameter, or anything else', () => {
    expect(codes(answer('{"ret":0}'))).toEqual(['refusal:json-instead'])
    expect(codes(answer('<html><body>hi</body></html>'))).toEqual(['refusal:html-instead'])
    expect(codes(answer('1514711492'))).toEqual(['refusal:wrong-parameter'])
    expect(codes(answer(context().signature.signature))).toEqual(['refusal:wrong-parameter'])
    expect(codes(answer('hello'))).toEqual(['refusal:not-echostr'])
  })

  it('reads an empty 200 or a 401 as a refused signature, showing the sorted string with the Token masked', () => {
    for (const attempt of [answer(''), answer('Invalid signature', 401), answer('nope', 403)]) {
      const verdict = judgeVerification(attempt, context())
      expect(verdict.findings[0]?.code).toBe('signature-refused')
      expect(verdict.summary.en).toContain('"14093043481514711492p•••••t"')
      expect(verdict.summary['zh-CN']).toContain('14093043481514711492p•••••t')
    }
  })

  it('recognises a server that expects an encrypted verification', () => {
    expect(codes(answer('Invalid msg_signature', 401))).toEqual(['refusal:wrong-mode'])
    expect(codes(answer(Buffer.alloc(32, 1).toString('base64')))).toEqual(['refusal:wrong-mode'])
  })

  it('refuses redirects, other statuses, timeouts and unreachable servers', () => {
    expect(codes(answer('', 302))).toEqual(['refusal:redirect'])
    expect(codes(answer('Not Found', 404))).toEqual(['refusal:http-status'])
    expect(codes({ ...answer(''), outcome: { kind: 'timeout' } })).toEqual(['refusal:timeout'])
    expect(codes({ ...answer(''), outcome: { kind: 'network', message: 'connection refused' } })).toEqual([
      'refusal:unreachable'
    ])
  })

  it('warns about a 2xx other than 200, and notes that verification is plain in every mode', () => {
    expect(codes(answer(ECHOSTR, 201))).toEqual(['warning:status-not-200'])
    expect(codes(answer(ECHOSTR), context('safe'))).toEqual(['note:plain-verification'])
  })
})
