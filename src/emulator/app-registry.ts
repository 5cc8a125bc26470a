import { ClassicLine, StableLine, type TokenLedger } from './credential-model'
import { WX, ipNotWhitelisted, type WeChatError } from '../core/wechat-wire/errors'
import { AppQuotas } from './quota'
import type { EmulatorAppConfig } from './types'

/** One account: its configuration, its counters and its two token lines. */
export interface AppState {
  config: EmulatorAppConfig
  readonly quotas: AppQuotas
  readonly classic: ClassicLine
  readonly stable: StableLine
}

export type Admission = { ok: true; app: AppState } | { ok: false; error: WeChatError }

export class AppRegistry {
  private readonly apps = new Map<string, AppState>()

  constructor(private readonly ledger: TokenLedger) {}

  /** Adds an account, or replaces a known one's configuration while keeping its tokens and counters. */
  add(config: EmulatorAppConfig): void {
    // A copy, so later edits to the caller's object (or its whitelist array) do not leak in.
    const snapshot: EmulatorAppConfig = {
      ...config,
      ipWhitelist: config.ipWhitelist ? [...config.ipWhitelist] : null,
      ...(config.oauthDomains && { oauthDomains: [...config.oauthDomains] })
    }
    const known = this.apps.get(config.appid)
    if (known) {
      known.config = snapshot
      return
    }
    this.apps.set(config.appid, {
      config: snapshot,
      quotas: new AppQuotas(),
      classic: new ClassicLine(this.ledger, config.appid),
      stable: new StableLine(this.ledger, config.appid)
    })
  }

  /** The account behind `appid`, whatever its secret (the authorize page knows only the appid). */
  find(appid: string): AppState | undefined {
    return this.apps.get(appid)
  }

  /** The account behind `appid` if `secret` is its AppSecret: 40013, then 40125. */
  authenticate(appid: string, secret: string): Admission {
    const app = this.apps.get(appid)
    if (!app) return { ok: false, error: WX.invalidAppid }
    if (app.config.secret !== secret) return { ok: false, error: WX.invalidAppsecret }
    return { ok: true, app }
  }

  /** What the token endpoints check after the secret: 40013 → 40125 → 40243 (frozen) → 40164 (whitelist). */
  admitTokenCaller(appid: string, secret: string, callerIp: string): Admission {
    const admission = this.authenticate(appid, secret)
    if (!admission.ok) return admission
    const { config } = admission.app
    if (config.frozen) return { ok: false, error: WX.appsecretFrozen }
    if (config.ipWhitelist && !config.ipWhitelist.includes(callerIp)) {
      return { ok: false, error: ipNotWhitelisted(callerIp) }
    }
    return admission
  }
}
