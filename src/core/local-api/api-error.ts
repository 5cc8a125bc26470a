import { DeskFailure, type DeskError } from '../../shared/result'
import { jsonReply, type SendReply } from '../http/reply'

/** The error codes of the /v1 API (the `code` of `{"error":{"code","message","errcode"?}}`). */
export type ApiErrorCode =
  | 'bad-request'
  | 'bad-json'
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden-host'
  | 'not-found'
  | 'unknown-app'
  | 'ambiguous-app'
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'request-timeout'
  | 'headers-too-large'
  | 'too-many-streams'
  | 'wechat'
  | 'internal'
  | Exclude<DeskError['code'], 'invalid-input' | 'not-found' | 'wechat' | 'internal'>

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; errcode?: number; errmsg?: string }
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  extra: { errcode?: number; errmsg?: string; headers?: Record<string, string>; close?: boolean } = {}
): SendReply {
  const { headers, close, ...wechat } = extra
  const body: ApiErrorBody = { error: { code, message, ...wechat } }
  return jsonReply(status, JSON.stringify(body), { headers, close })
}

const INTERNAL_MESSAGE = 'Something went wrong inside the desk; the details are in its log.'

export const internalError = (): SendReply => apiError(500, 'internal', INTERNAL_MESSAGE)

/**
 * A failure to produce a token as the /v1 API reports it: WeChat said no → 502 with the errcode, WeChat's
 * (redacted) errmsg and the catalogue's explanation; anything else that leaves no token → 503.
 * Unexpected errors are logged and answered without internals.
 */
export function tokenFailureReply(error: unknown, logError: (error: unknown) => void): SendReply {
  if (!(error instanceof DeskFailure)) {
    logError(error)
    return internalError()
  }
  const e = error.error
  const message = e.fix
    ? `${e.message.en}${/[.!?]$/.test(e.message.en) ? '' : '.'} ${e.fix.en}`
    : e.message.en
  switch (e.code) {
    case 'wechat':
      return apiError(502, 'wechat', message, {
        ...(e.errcode !== undefined && { errcode: e.errcode }),
        ...(e.errmsg !== undefined && { errmsg: e.errmsg })
      })
    case 'not-found':
      return apiError(404, 'unknown-app', message)
    case 'invalid-input':
    case 'internal':
      logError(error)
      return internalError()
    default:
      return apiError(503, e.code, message)
  }
}
