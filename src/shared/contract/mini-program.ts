/**
 * Mini Program login (小程序登录): jscode2session and getuserphonenumber through the desk's WeChat client, and —
 * for apps the built-in emulator serves — "simulate wx.login / getPhoneNumber" for its sandbox users. The
 * session_key stays in main: views carry a mask, the value crosses only when the user reveals it.
 */
import { z } from 'zod'
import type { AppKind } from './apps'
import { byId, call, profileId } from './kit'

/** A sandbox user the emulator can log in as. */
export interface MiniProgramUser {
  id: string
  nickname: string
  phoneNumber: string
}

export interface MiniProgramSetup {
  profileId: string
  appId: string
  kind: AppKind
  /** Whether codes can be exchanged here (the AppSecret is held for this session). */
  canExchange: boolean
  /** The built-in emulator answers for this app: it can play the phone (wx.login, getPhoneNumber). */
  simulator: { users: MiniProgramUser[] } | null
}

export const MINI_PROGRAM_CODE_KINDS = ['login', 'phone'] as const
export type MiniProgramCodeKind = (typeof MINI_PROGRAM_CODE_KINDS)[number]

/** A code the emulator issued as if the user had tapped in the Mini Program: once, within 5 minutes. */
export interface SimulatedCodeView {
  kind: MiniProgramCodeKind
  code: string
  userId: string
  expiresAt: number
  /** main's clock. */
  now: number
}

/** One code exchanged with jscode2session. */
export interface MiniProgramSessionView {
  id: string
  profileId: string
  at: number
  code: string
  openid: string
  unionid: string | null
  /** e.g. `••••••••Qg==`: the key itself only through `revealSessionKey`. */
  sessionKeyMasked: string
}

/** One phone code read with getuserphonenumber. */
export interface MiniProgramPhoneView {
  id: string
  profileId: string
  at: number
  code: string
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
  watermark: { timestamp: number; appid: string }
}

/** What this run did for an app, newest first. */
export interface MiniProgramState {
  sessions: MiniProgramSessionView[]
  phones: MiniProgramPhoneView[]
}

const code = z.string().max(512)

export const miniProgramCalls = {
  getMiniProgramSetup: call<MiniProgramSetup>()(byId),
  getMiniProgramState: call<MiniProgramState>()(byId),
  /** The emulator plays the phone: a js_code (wx.login) or a phone code (getPhoneNumber) for a sandbox user. */
  simulateMiniProgramCode: call<SimulatedCodeView>()(
    z.object({ id: profileId, kind: z.enum(MINI_PROGRAM_CODE_KINDS), user: z.string().max(64) }).strict()
  ),
  /** GET /sns/jscode2session with the app's AppID and AppSecret. */
  exchangeMiniProgramCode: call<MiniProgramSessionView>()(z.object({ id: profileId, code }).strict()),
  /** The session_key of an exchange, shown because the user asked. */
  revealSessionKey: call<{ sessionKey: string }>()(
    z.object({ sessionId: z.string().min(1).max(64) }).strict()
  ),
  /** POST /wxa/business/getuserphonenumber with the app's access_token. */
  getMiniProgramPhoneNumber: call<MiniProgramPhoneView>()(
    z.object({ id: profileId, code, openid: z.string().max(128).optional() }).strict()
  )
} as const
