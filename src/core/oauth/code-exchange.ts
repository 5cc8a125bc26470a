import type { OAuthAuthorizationView, OAuthExchangeOutcome, OAuthPasteReport } from '../../shared/contract'
import { DeskFailure, text } from '../../shared/result'
import type { AppCredentials } from '../profiles'
import type { StoredAuthorization } from '../storage'
import type { SnsGrant, UpstreamResult } from '../wechat'
import type { AuthorizationHistory } from './authorization-history'
import { CodeGuard } from './code-guard'
import { parseRedirectPaste } from './redirect-paste'
import type { StateRegistry } from './state-registry'
import { newId, oauthFailure, type OAuthWorkbench } from './workbench'

/** A refresh_token lives 30 days from the authorization; refreshing does not extend it. */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 86_400_000

type Origin = Pick<StoredAuthorization, 'state' | 'stateVerdict' | 'source'>

/**
 * Turns a code (caught by the catcher or pasted) into an authorization in the history: each code is sent to
 * WeChat once, and the state it came with is judged against the links built here.
 */
export class CodeExchange {
  private readonly guard = new CodeGuard()

  constructor(
    private readonly bench: OAuthWorkbench,
    private readonly states: StateRegistry,
    private readonly history: AuthorizationHistory,
    private readonly viewOf: (entry: StoredAuthorization) => OAuthAuthorizationView
  ) {}

  /** What the pasted text contains. Throws `invalid-input` with the reason when no code is in it. */
  parse(profileId: string, input: string): OAuthPasteReport {
    this.bench.app(profileId)
    const parsed = parseRedirectPaste(input)
    if (!parsed.ok) {
      throw new DeskFailure({
        code: 'invalid-input',
        message: parsed.message,
        issues: [
          { path: 'input', message: parsed.message },
          ...parsed.notes.map((n) => ({ path: 'input', message: n }))
        ]
      })
    }
    return {
      kind: parsed.kind,
      code: parsed.code,
      state: parsed.state,
      stateVerdict: this.states.lookup(parsed.state, this.bench.deps.clock.now()).verdict,
      notes: parsed.notes
    }
  }

  async exchangePasted(profileId: string, input: string): Promise<OAuthExchangeOutcome> {
    const report = this.parse(profileId, input)
    const authorization = await this.exchange(profileId, report.code, report.state, 'paste')
    return { report, authorization }
  }

  /** Exchanges a code once (the guard refuses a second send) and records the authorization. */
  async exchange(
    profileHint: string,
    code: string,
    state: string | null,
    source: Origin['source']
  ): Promise<OAuthAuthorizationView> {
    const { deps } = this.bench
    const lookup = this.states.lookup(state, deps.clock.now())
    // A state issued here names the app the link was built for; otherwise use the app the user is on.
    const issuedFor = lookup.entry?.profileId
    const profileId = issuedFor !== undefined && this.bench.exists(issuedFor) ? issuedFor : profileHint
    const creds = deps.profiles.credentials(profileId)
    if (creds.secret === null) {
      throw new DeskFailure({
        code: 'no-secret',
        message: text(
          'Exchanging a code needs this app’s AppSecret, which the desk does not hold for this session',
          '换取 code 需要此应用的 AppSecret，本工具在本次会话中没有它'
        ),
        fix: text(
          'Edit the app and enter the AppSecret (remote-mode apps keep it on the other 中控, which cannot exchange codes for you).',
          '请编辑应用并填写 AppSecret（远程模式的 AppSecret 在另一台中控上，无法替你换取 code）。'
        )
      })
    }
    const secret = creds.secret
    const reached = (result: UpstreamResult<SnsGrant>): boolean =>
      result.ok || result.failure.kind !== 'network'
    // The whole attempt runs under the guard, so a concurrent duplicate shares its outcome (one history entry).
    const attempt = await this.guard.run(
      creds.appId,
      code,
      deps.clock.now(),
      async (): Promise<{ result: UpstreamResult<SnsGrant>; view: OAuthAuthorizationView | null }> => {
        const result = await deps.client.snsExchangeCode({
          apiBase: creds.apiBase,
          appid: creds.appId,
          secret,
          code
        })
        this.bench.log(profileId, result.call)
        if (reached(result)) this.states.markUsed(state, deps.clock.now())
        if (!result.ok) return { result, view: null }
        const view = this.record(profileId, creds, result.value, {
          state,
          stateVerdict: lookup.verdict,
          source
        })
        this.bench.changed()
        return { result, view }
      },
      (outcome) => reached(outcome.result),
      (outcome) => outcome.result.ok
    )
    if (attempt.result.ok && attempt.view) return attempt.view
    if (!attempt.result.ok) throw oauthFailure(attempt.result.failure)
    throw new Error('exchange succeeded without a view')
  }

  private record(
    profileId: string,
    creds: Pick<AppCredentials, 'appId' | 'apiBase'>,
    grant: SnsGrant,
    origin: Origin
  ): OAuthAuthorizationView {
    const at = this.bench.deps.clock.now()
    const entry = this.history.add(
      {
        id: newId(),
        at,
        profileId,
        appId: creds.appId,
        apiBase: creds.apiBase,
        scope: grant.scope,
        ...origin,
        openid: grant.openid,
        unionid: grant.unionid,
        isSnapshotUser: grant.isSnapshotUser,
        accessExpiresAt: at + grant.expiresIn * 1000,
        refreshExpiresAt: at + REFRESH_TOKEN_LIFETIME_MS
      },
      { accessToken: grant.accessToken, refreshToken: grant.refreshToken }
    )
    return this.viewOf(entry)
  }
}
