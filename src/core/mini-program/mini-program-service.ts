import { randomBytes } from 'node:crypto'
import type {
  MiniProgramCodeKind,
  MiniProgramPhoneView,
  MiniProgramSessionView,
  MiniProgramSetup,
  MiniProgramState,
  MiniProgramUser,
  SimulatedCodeView
} from '../../shared/contract'
import { mask } from '../../shared/mask'
import { DeskFailure, text, type Localized } from '../../shared/result'
import type { CallLog } from '../call-log'
import type { AppCredentials, ProfileService } from '../profiles'
import type { Clock } from '../time/clock'
import { TOKEN_REJECTED_ERRCODES, type HeldToken, type TokenKeeper } from '../tokens'
import { failureToDeskError, type UpstreamFailure, type UpstreamResult, type WeChatClient } from '../wechat'

/**
 * The phone a Mini Program runs on, played by the built-in emulator for the apps it answers (their API base is
 * the emulator): it hands out wx.login and getPhoneNumber codes for its sandbox users. Bound in compose, so the
 * engine never knows the emulator.
 */
export interface MiniProgramSimulator {
  /** Whether calls to `apiBase` reach the emulator. */
  serves(apiBase: string): boolean
  users(): MiniProgramUser[]
  /** A code for `userId` in Mini Program `appid`, or why none can be issued. */
  issue(
    kind: MiniProgramCodeKind,
    appid: string,
    userId: string
  ): { ok: true; code: string; userId: string; expiresAt: number } | { ok: false; reason: string }
}

export interface MiniProgramServiceDeps {
  profiles: Pick<ProfileService, 'get' | 'credentials'>
  client: Pick<WeChatClient, 'jscode2session' | 'getUserPhoneNumber'>
  tokens: Pick<TokenKeeper, 'ensure' | 'tokenRejected'>
  callLog: CallLog
  clock: Clock
  simulator: MiniProgramSimulator | null
}

/** Exchanges and phone numbers remembered (this run only, all apps together). */
const KEPT = 20
const MAX_CODE_LENGTH = 256

interface KeptSession {
  view: MiniProgramSessionView
  /** In main only: crosses to the window when the user reveals it. */
  sessionKey: string
}

/** session_key as the window shows it: dots and its last four characters. */
export const maskSessionKey = (sessionKey: string): string => mask(sessionKey, { tail: 4, hideUpTo: 8 })

/**
 * Mini Program login (小程序登录): jscode2session and getuserphonenumber through the desk's WeChat client (so
 * both land in the call log), and — where the emulator answers — simulated wx.login / getPhoneNumber codes.
 * The session_key stays here; views carry a mask.
 */
export class MiniProgramService {
  private sessions: KeptSession[] = []
  private phones: MiniProgramPhoneView[] = []

  constructor(private readonly deps: MiniProgramServiceDeps) {}

  setup(profileId: string): MiniProgramSetup {
    const creds = this.deps.profiles.credentials(profileId)
    return {
      profileId,
      appId: creds.appId,
      kind: creds.kind,
      canExchange: creds.secret !== null,
      simulator: this.simulatorFor(creds) && { users: this.deps.simulator?.users() ?? [] }
    }
  }

  state(profileId: string): MiniProgramState {
    this.deps.profiles.get(profileId)
    return {
      sessions: this.sessions.filter((s) => s.view.profileId === profileId).map((s) => s.view),
      phones: this.phones.filter((p) => p.profileId === profileId)
    }
  }

  /** "Simulate wx.login / getPhoneNumber": the emulator issues the code the phone would hand the page. */
  simulate(profileId: string, kind: MiniProgramCodeKind, userId: string): SimulatedCodeView {
    const creds = this.deps.profiles.credentials(profileId)
    const simulator = this.simulatorFor(creds)
    if (!simulator) {
      throw new DeskFailure({
        code: 'guard',
        message: text(
          'Only apps the built-in emulator answers can simulate wx.login and getPhoneNumber.',
          '只有由内置模拟器应答的应用才能模拟 wx.login 和获取手机号。'
        ),
        fix: text(
          'On a real Mini Program, call wx.login (or tap the getPhoneNumber button) in WeChat DevTools or on a phone, and paste the code here.',
          '对于真实的小程序，请在微信开发者工具或手机上调用 wx.login（或点击获取手机号按钮），再把 code 粘贴到这里。'
        )
      })
    }
    const issued = simulator.issue(kind, creds.appId, userId)
    if (!issued.ok) {
      const message = text(`The emulator cannot: ${issued.reason}.`, `模拟器无法签发：${issued.reason}。`)
      throw new DeskFailure({ code: 'invalid-input', message, issues: [{ path: 'user', message }] })
    }
    const { code, expiresAt } = issued
    return { kind, code, userId: issued.userId, expiresAt, now: this.deps.clock.now() }
  }

  /** GET /sns/jscode2session with the app's AppID and AppSecret. */
  async exchange(profileId: string, input: string): Promise<MiniProgramSessionView> {
    const creds = this.deps.profiles.credentials(profileId)
    const code = checkedCode(
      input,
      text('Paste the code wx.login gave the Mini Program.', '请粘贴小程序 wx.login 得到的 code。')
    )
    const secret = creds.secret
    if (secret === null) throw noSecret()
    const result = await this.deps.client.jscode2session({
      apiBase: creds.apiBase,
      appid: creds.appId,
      secret,
      code
    })
    const value = this.logged(profileId, result)
    const view: MiniProgramSessionView = {
      id: newId('mps'),
      profileId,
      at: this.deps.clock.now(),
      code,
      openid: value.openid,
      unionid: value.unionid,
      sessionKeyMasked: maskSessionKey(value.sessionKey)
    }
    this.sessions = [{ view, sessionKey: value.sessionKey }, ...this.sessions].slice(0, KEPT)
    return view
  }

  revealSessionKey(sessionId: string): { sessionKey: string } {
    const kept = this.sessions.find((s) => s.view.id === sessionId)
    if (!kept) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'That session is no longer kept (the desk keeps the last 20 of this run). Exchange a new code.',
          '该会话已不再保留（本次运行只保留最近 20 个）。请换取新的 code。'
        )
      })
    }
    return { sessionKey: kept.sessionKey }
  }

  /** POST /wxa/business/getuserphonenumber with the app's access_token (replaced once if WeChat rejects it). */
  async phoneNumber(profileId: string, input: string, openid?: string): Promise<MiniProgramPhoneView> {
    const creds = this.deps.profiles.credentials(profileId)
    const code = checkedCode(
      input,
      text(
        'Paste the code the getPhoneNumber button gave the Mini Program.',
        '请粘贴小程序手机号按钮得到的 code。'
      )
    )
    const checkOpenid = openid?.trim() ? openid.trim() : undefined
    let token: HeldToken | null = await this.deps.tokens.ensure(profileId)
    for (let attempt = 0; token !== null; attempt++) {
      const result = await this.deps.client.getUserPhoneNumber({
        apiBase: creds.apiBase,
        accessToken: token.value,
        code,
        ...(checkOpenid !== undefined && { openid: checkOpenid })
      })
      if (!result.ok && attempt === 0 && rejectsToken(result.failure)) {
        this.deps.callLog.record({ ...result.call, profileId })
        token = await this.deps.tokens.tokenRejected(profileId, token.value)
        continue
      }
      const info = this.logged(profileId, result)
      const view: MiniProgramPhoneView = {
        id: newId('mpp'),
        profileId,
        at: this.deps.clock.now(),
        code,
        ...info
      }
      this.phones = [view, ...this.phones].slice(0, KEPT)
      return view
    }
    throw new DeskFailure({
      code: 'wechat',
      message: text(
        'WeChat rejected the access_token twice; the desk is replacing it. Try again in a moment.',
        '微信两次拒绝了 access_token，本工具正在更换令牌，请稍后再试。'
      ),
      retryable: true
    })
  }

  private simulatorFor(creds: AppCredentials): MiniProgramSimulator | null {
    const { simulator } = this.deps
    return simulator && creds.mode !== 'remote' && simulator.serves(creds.apiBase) ? simulator : null
  }

  /** Records the call in the call log, then hands back its value or throws its failure, explained. */
  private logged<T>(profileId: string, result: UpstreamResult<T>): T {
    this.deps.callLog.record({ ...result.call, profileId })
    if (!result.ok) throw new DeskFailure(failureToDeskError(result.failure, 'mini-program'))
    return result.value
  }
}

const rejectsToken = (failure: UpstreamFailure): boolean =>
  failure.kind === 'wechat' && TOKEN_REJECTED_ERRCODES.has(failure.errcode)

const newId = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`

/** A code as pasted: trimmed; empty, spaced or absurdly long ones are refused before WeChat is asked. */
function checkedCode(input: string, whenEmpty: Localized): string {
  const code = input.trim()
  const problem =
    code === ''
      ? whenEmpty
      : /\s/.test(code)
        ? text('A code has no spaces: paste it whole, once.', 'code 中没有空格：请完整粘贴一次。')
        : code.length > MAX_CODE_LENGTH
          ? text(
              `A code is far shorter than ${code.length} characters.`,
              `code 远短于 ${code.length} 个字符。`
            )
          : null
  if (problem)
    throw new DeskFailure({
      code: 'invalid-input',
      message: problem,
      issues: [{ path: 'code', message: problem }]
    })
  return code
}

const noSecret = (): DeskFailure =>
  new DeskFailure({
    code: 'no-secret',
    message: text(
      'The AppSecret of this app is not held in this session, so codes cannot be exchanged here.',
      '本次会话没有此应用的 AppSecret，无法在这里换取 code。'
    ),
    fix: text('Edit the app and enter its AppSecret.', '请编辑应用并填写 AppSecret。')
  })
