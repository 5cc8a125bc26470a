import { hasPlatform } from './api-gate'
import type { ApiDeps } from './api-state'
import type { Answer, EmulatorRequest } from './endpoint'
import { openidFor } from './fake-users'
import type { MiniProgramCodeKind } from './mini-program-model'
import { jsonReply } from '../core/http/reply'
import { ACCOUNT_USERS, factsOf, findAccountUser } from './sandbox-users'
import type { SimulatedCode } from './types'

// "Simulate wx.login / getPhoneNumber": what the phone would hand a Mini Program's page, issued for a sandbox
// user, so /sns/jscode2session and getuserphonenumber can be tried end to end offline. The emulator's own
// API (not WeChat's): POST /emulator/mini-program/login-code and …/phone-code with `{"appid","user"?}`.

export const LOGIN_CODE_PATH = '/emulator/mini-program/login-code'
export const PHONE_CODE_PATH = '/emulator/mini-program/phone-code'

export type Simulated = { ok: true; code: SimulatedCode } | { ok: false; reason: string }

/** Issues a code of `kind` for `userId` in Mini Program `appid`, or says why it cannot. */
export function simulateCode(
  deps: ApiDeps,
  kind: MiniProgramCodeKind,
  appid: string,
  userId: string,
  now: number
): Simulated {
  const app = deps.apps.find(appid)
  if (!app) return { ok: false, reason: `the emulator has no account with AppID ${appid}` }
  if (!hasPlatform(app.config.platform, 'mini-program')) {
    return { ok: false, reason: `${appid} is not a Mini Program (its Mini Program APIs answer 48001)` }
  }
  const user = findAccountUser(userId)
  if (!user) {
    const known = ACCOUNT_USERS.map((candidate) => candidate.id).join(', ')
    return { ok: false, reason: `no sandbox user "${userId}" signs in to Mini Programs (one of: ${known})` }
  }
  const issued = deps.state.codes.issue(kind, appid, user.id, now)
  return { ok: true, code: { code: issued.code, userId: user.id, expiresAt: issued.expiresAt } }
}

const emulatorError = (status: number, errmsg: string, headers?: Record<string, string>): Answer =>
  jsonReply(status, JSON.stringify({ errcode: status, errmsg: `emulator: ${errmsg}` }), { headers })

/** The HTTP face of `simulateCode`: 200 with the code (and what it stands for), 400 / 405 otherwise. */
export function simulateEndpoint(deps: ApiDeps, kind: MiniProgramCodeKind, req: EmulatorRequest): Answer {
  if (req.method !== 'POST')
    return emulatorError(405, 'POST a JSON body {"appid","user"?}', { allow: 'POST' })
  if (!req.body.ok) return emulatorError(400, 'the body must be a JSON object {"appid","user"?}')
  const { appid, user = ACCOUNT_USERS[0]?.id } = req.body.value
  if (typeof appid !== 'string' || typeof user !== 'string') {
    return emulatorError(400, '"appid" and "user" must be strings')
  }
  const simulated = simulateCode(deps, kind, appid, user, req.now)
  if (!simulated.ok) return emulatorError(400, simulated.reason)
  const { code } = simulated
  const who = findAccountUser(code.userId)
  const shows =
    kind === 'login'
      ? { openid: who ? openidFor(appid, who) : '' }
      : { phone_number: (who && factsOf(who)?.phoneNumber) ?? '' }
  return jsonReply(
    200,
    JSON.stringify({
      code: code.code,
      user: code.userId,
      ...shows,
      expires_in: Math.round((code.expiresAt - req.now) / 1000)
    })
  )
}
