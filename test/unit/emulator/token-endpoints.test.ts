import { describe, expect, it } from 'vitest'
import { AppRegistry } from '../../../src/emulator/app-registry'
import { TokenLedger } from '../../../src/emulator/credential-model'
import { stableToken } from '../../../src/emulator/token-endpoints'
import type { EmulatorAppConfig } from '../../../src/emulator'
import type { Outcome, WxRequest } from '../../../src/core/wechat-wire/request'

// The stable_token rate limits are too large to reach over HTTP in a test; the endpoint logic is pure.

const APP: EmulatorAppConfig = {
  appid: 'wx0123456789abcdef',
  secret: '00112233445566778899aabbccddeeff',
  accountType: 'normal'
}

const T0 = Date.UTC(2026, 10, 22, 2, 0, 0)

function stableCall(apps: AppRegistry, now: number, extra: Record<string, unknown> = {}): Outcome {
  const request: WxRequest = {
    method: 'POST',
    query: new URLSearchParams(),
    body: {
      ok: true,
      value: { grant_type: 'client_credential', appid: APP.appid, secret: APP.secret, ...extra }
    },
    callerIp: '127.0.0.1',
    now
  }
  return stableToken(apps, request)
}

const errcodeOf = (outcome: Outcome): number | undefined => (outcome.ok ? undefined : outcome.error.errcode)

function registry(): AppRegistry {
  const apps = new AppRegistry(new TokenLedger())
  apps.add(APP)
  return apps
}

describe('stable_token rate limits', () => {
  it('allows 10,000 calls a minute, answers 45011 beyond, and allows more the next minute', () => {
    const apps = registry()
    for (let i = 0; i < 10_000; i++) {
      if (!stableCall(apps, T0 + 1).ok) throw new Error(`call ${i + 1} refused`)
    }
    const refused = stableCall(apps, T0 + 59_999)
    expect(errcodeOf(refused)).toBe(45011)
    if (!refused.ok)
      expect(refused.error.errmsg).toBe('api minute-quota reach limit mustslower retry next minute')
    expect(stableCall(apps, T0 + 60_000).ok).toBe(true)
  })

  it('allows 500,000 calls a Beijing day, then answers 45009 until the daily counters are cleared', () => {
    const apps = registry()
    let now = T0
    for (let i = 0; i < 500_000; i++) {
      if (i % 10_000 === 0) now += 60_000
      if (!stableCall(apps, now).ok) throw new Error(`call ${i + 1} refused`)
    }
    now += 60_000
    expect(errcodeOf(stableCall(apps, now))).toBe(45009)
    const admission = apps.authenticate(APP.appid, APP.secret)
    if (!admission.ok) throw new Error('app missing')
    admission.app.quotas.clearDaily()
    expect(stableCall(apps, now).ok).toBe(true)
  })

  it('checks the IP whitelist before the rate limit', () => {
    const apps = registry()
    for (let i = 0; i < 10_000; i++) stableCall(apps, T0)
    apps.add({ ...APP, ipWhitelist: ['10.0.0.1'] })
    expect(errcodeOf(stableCall(apps, T0))).toBe(40164)
  })

  it('counts force calls toward the rate limit too', () => {
    const apps = registry()
    for (let i = 0; i < 10_000; i++) stableCall(apps, T0, { force_refresh: i % 2 === 0 })
    expect(errcodeOf(stableCall(apps, T0, { force_refresh: true }))).toBe(45011)
  })
})
