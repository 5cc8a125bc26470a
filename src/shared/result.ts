/** Text shown to users in both supported languages. */
export interface Localized {
  en: string
  'zh-CN': string
}

export type DeskErrorCode =
  /** The input failed validation; `issues` says which field and why. */
  | 'invalid-input'
  /** The named app, token or record does not exist. */
  | 'not-found'
  /** WeChat answered with an errcode; `errcode`, `errmsg` and `rid` are set. */
  | 'wechat'
  /** The request never got an answer (DNS, refused, reset). */
  | 'network'
  /** The request took longer than the client allows. */
  | 'timeout'
  /** WeChat (or the emulator) answered with something that is not the expected JSON. */
  | 'bad-response'
  /** A desk-side guard refused the action (rate guard, quota guard, reused code …). */
  | 'guard'
  /** The action needs an explicit confirmation (prod app, classic fetch or force refresh). */
  | 'confirmation-required'
  /** The app has no AppSecret for this session. */
  | 'no-secret'
  | 'internal'

export interface FieldIssue {
  /** Dotted path of the field, e.g. `appId`. */
  path: string
  message: Localized
}

/** An expected failure, returned (never thrown) across process boundaries. */
export interface DeskError {
  code: DeskErrorCode
  message: Localized
  /** How to fix it, when we know. */
  fix?: Localized
  errcode?: number
  errmsg?: string
  rid?: string
  httpStatus?: number
  issues?: FieldIssue[]
  /** Whether trying again later may succeed. */
  retryable?: boolean
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(error: DeskError): Result<T> => ({ ok: false, error })

export const text = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh })

/** Thrown inside main to carry a DeskError to the handler wrapper, which turns it into a Result. */
export class DeskFailure extends Error {
  constructor(readonly error: DeskError) {
    super(error.message.en)
    this.name = 'DeskFailure'
  }
}
