import { STATUS_CODES, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

export const JSON_TYPE = 'application/json; charset=utf-8'
export const HTML_TYPE = 'text/html; charset=utf-8'
export const TEXT_TYPE = 'text/plain; charset=utf-8'

export type HeaderFields = Record<string, string | number>

/**
 * Sent with every answer of every server here: nothing is cached (answers carry tokens and one-time pages),
 * nothing is sniffed into another type. Deliberately no CORS headers.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff'
})

/** An answer with a body, decided before anything touches the socket: text, or bytes (an image). */
export interface SendReply<Body extends string | Uint8Array = string> {
  readonly kind: 'send'
  readonly status: number
  readonly contentType: string
  readonly body: Body
  /** More header fields (Allow, Location, Content-Security-Policy …); they win over the defaults. */
  readonly headers?: Readonly<Record<string, string>>
  /** Close the connection after answering (e.g. the request body was not read to its end). */
  readonly close?: boolean
  /** Every header field, built once by `prepare` for an answer served many times over. */
  readonly prepared?: Readonly<HeaderFields>
  /** The WeChat errcode the body carries, for the request log (never sent as a header). */
  readonly errcode?: number
}

/** The emulator's network faults: say nothing and leave the socket open, or drop it with a TCP reset. */
export type FaultReply = { readonly kind: 'hang' } | { readonly kind: 'reset' }

export type Reply = SendReply | FaultReply

export const HANG: FaultReply = Object.freeze({ kind: 'hang' })
export const RESET: FaultReply = Object.freeze({ kind: 'reset' })

export interface ReplyOptions {
  headers?: Readonly<Record<string, string>>
  close?: boolean
}

export function reply(
  status: number,
  contentType: string,
  body: string,
  options: ReplyOptions = {}
): SendReply {
  return { kind: 'send', status, contentType, body, headers: options.headers, close: options.close }
}

/** A binary answer (an image, a file). */
export function bytesReply(
  status: number,
  contentType: string,
  body: Uint8Array,
  options: ReplyOptions = {}
): SendReply<Uint8Array> {
  return { kind: 'send', status, contentType, body, headers: options.headers, close: options.close }
}

/** Already-serialised JSON. */
export const jsonReply = (status: number, body: string, options?: ReplyOptions): SendReply =>
  reply(status, JSON_TYPE, body, options)

export const textReply = (status: number, body: string, options?: ReplyOptions): SendReply =>
  reply(status, TEXT_TYPE, body, options)

/**
 * A page for a browser (a phone's, often): its Content-Security-Policy, and no Referer leaking the URL it
 * was opened with (which carries codes and states) to anything it links to.
 */
export function pageReply(status: number, html: string, csp: string, options: ReplyOptions = {}): SendReply {
  const headers = { 'content-security-policy': csp, 'referrer-policy': 'no-referrer', ...options.headers }
  return reply(status, HTML_TYPE, html, { ...options, headers })
}

/** An answer served many times over (a held token's, for the second it is valid in): its header fields are built once. */
export function prepare(answer: SendReply): SendReply {
  return { ...answer, prepared: headerFields(answer) }
}

/** The header fields of an answer: its type and length, the security headers, then its own. */
export function headerFields(answer: SendReply<string | Uint8Array>): HeaderFields {
  const fields: HeaderFields = {
    'content-type': answer.contentType,
    'content-length': Buffer.byteLength(answer.body),
    ...SECURITY_HEADERS
  }
  if (answer.close) fields['connection'] = 'close'
  if (answer.headers) Object.assign(fields, answer.headers)
  return fields
}

/** Carries out a reply on the response (a fault acts on its socket). */
export function writeReply(res: ServerResponse, answer: Reply | SendReply<string | Uint8Array>): void {
  switch (answer.kind) {
    case 'hang':
      return
    case 'reset':
      res.socket?.resetAndDestroy()
      return
    case 'send':
      res.writeHead(answer.status, answer.prepared ?? headerFields(answer))
      res.end(answer.body)
  }
}

/**
 * Answers on a bare socket, for requests Node's parser refused (there is no response object then), and
 * closes it; a client that does not close its side is cut off a second later.
 */
export function writeReplyToSocket(socket: Socket, answer: SendReply): void {
  let head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n`
  for (const [name, value] of Object.entries({ ...headerFields(answer), connection: 'close' }))
    head += `${name}: ${value}\r\n`
  socket.end(`${head}\r\n${answer.body}`)
  setTimeout(() => socket.destroy(), 1_000).unref()
}
