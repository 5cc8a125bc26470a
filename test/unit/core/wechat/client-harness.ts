import { afterAll, afterEach, beforeAll } from 'vitest'
import { createWeChatClient, type UpstreamCall, type WeChatClient } from '../../../../src/core/wechat'
import type { WeChatClientOptions } from '../../../../src/core/wechat/client'
import { startUpstream, type Upstream } from '../../../support/upstream-server'

export const APPID = 'wx0123456789abcdef'
export const SECRET = 'f3a9c1d2e4b5a6978877665544332211'
export const TOKEN =
  '84_vWP_BMIMqPz8Xo3LkTqW9sYd2Fh7Jn4Rb6Uc1Ve5Ga8Hm0Kp3Ls6Nt9Qw2Ex5Zy7Ab0Cd3Ef6Gh9Ij2Kl5Mn8Op1Qr4St7Uv0'
export const RID = '617682e0-0f4a2c7b-1d2e3f40'

export interface ClientHarness {
  /** The stand-in for api.weixin.qq.com, started once for the test file. */
  readonly upstream: Upstream
  /** The calls every client of the current test reported. */
  readonly calls: UpstreamCall[]
  /** A client that reports to `calls` (2 s timeout unless told), closed after the test. */
  client(opts?: WeChatClientOptions): WeChatClient
  /** getToken's parameters, pointed at the upstream. */
  tokenParams(): { apiBase: string; appid: string; secret: string }
}

/** For a test file of the WeChat client: a local upstream and the clients each test makes. */
export function clientHarness(): ClientHarness {
  let upstream: Upstream | null = null
  const clients: WeChatClient[] = []
  const calls: UpstreamCall[] = []
  beforeAll(async () => {
    upstream = await startUpstream()
  })
  afterAll(async () => {
    await upstream?.close()
  })
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()))
    calls.splice(0)
  })
  const harness: ClientHarness = {
    get upstream() {
      if (!upstream) throw new Error('the upstream starts before the tests')
      return upstream
    },
    calls,
    client(opts = {}) {
      const created = createWeChatClient({ timeoutMs: 2000, onCall: (c) => calls.push(c), ...opts })
      clients.push(created)
      return created
    },
    tokenParams: () => ({ apiBase: harness.upstream.base, appid: APPID, secret: SECRET })
  }
  return harness
}
