import type { JsonObjectBody } from '../http/read-body'
import { WX, type WeChatError } from './errors'

/** A request as WeChat's endpoint logic sees it: already read, with the instant it is answered at. */
export interface WxRequest {
  method: string
  query: URLSearchParams
  /** The body read as a JSON object (`parseJsonObject`), or why it is not one. */
  body: JsonObjectBody
  /** As the socket sees it, `::ffff:` stripped. */
  callerIp: string
  /** Epoch ms. */
  now: number
}

/** A value JSON can carry. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }

export type JsonBody = { [key: string]: JsonValue }

/** What an endpoint decided: a success body, or a WeChat error (both sent with HTTP 200). */
export type Outcome = { ok: true; body: JsonBody } | { ok: false; error: WeChatError }

export const success = (body: JsonBody): Outcome => ({ ok: true, body })
export const failure = (error: WeChatError): Outcome => ({ ok: false, error })

export type JsonObjectRead = { ok: true; fields: Record<string, unknown> } | { ok: false; error: WeChatError }

/** The first checks of every JSON POST endpoint: 43002, 44002, then 47001 for anything but a JSON object. */
export function readJsonObject(method: string, body: JsonObjectBody): JsonObjectRead {
  if (method !== 'POST') return { ok: false, error: WX.requirePost }
  if (!body.ok) return { ok: false, error: body.reason === 'empty' ? WX.emptyPostData : WX.dataFormat }
  return { ok: true, fields: body.value }
}

/** A field that must be a string when present: the string, '' when absent, or null when it has another type. */
export function stringField(fields: Record<string, unknown>, name: string): string | null {
  const value = fields[name]
  if (value === undefined) return ''
  return typeof value === 'string' ? value : null
}

/** A field that must be a JSON object when present: the object, {} when absent, null for anything else. */
export function objectField(fields: Record<string, unknown>, name: string): Record<string, unknown> | null {
  const value = fields[name]
  if (value === undefined) return {}
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}
