import { randomBytes } from 'node:crypto'
import { credentialFor, DESK_ADDED_FIELDS } from '../../shared/console-catalogue'
import type { ConsoleBody, ConsoleRequest } from '../../shared/contract'
import { DeskFailure, text } from '../../shared/result'
import type { GatewayRequest } from '../local-api/gateway/relay-request'

/** What the desk adds in main, by the entry's credential. */
export interface DeskCredential {
  appId: string
  /** The held access_token, for the APIs that take one. */
  token: string | null
  /** The AppSecret, for jscode2session and clear_quota/v2; null when the desk holds none this session. */
  secret: string | null
}

/** A file picked in main for a multipart field. */
export interface HeldFile {
  fileName: string
  contentType: string
  bytes: Buffer
}

const invalid = (en: string, zh: string): DeskFailure =>
  new DeskFailure({ code: 'invalid-input', message: text(en, zh) })

/** Refuses what cannot be sent: a path that is not one, a credential typed by hand, a body that is not JSON. */
export function checkRequest(request: ConsoleRequest): void {
  if (!/^\/[^?#\s]*$/.test(request.path) || request.path.startsWith('//')) {
    throw invalid(
      `“${request.path}” is not a WeChat API path: start with “/”, without the host or a query.`,
      `“${request.path}” 不是微信接口路径：以 “/” 开头，不含域名和查询串。`
    )
  }
  const typed = request.query.find(([name]) => DESK_ADDED_FIELDS.includes(name.toLowerCase()))
  if (typed) {
    throw invalid(
      `Remove “${typed[0]}” from the query: the desk adds the credential itself.`,
      `请从查询参数中删除 “${typed[0]}”：凭证由本工具添加。`
    )
  }
  if (request.body.kind === 'json') jsonFields(request.body.text)
  if (request.body.kind !== 'none' && request.method === 'GET') {
    throw invalid('A GET request has no body: choose POST.', 'GET 请求没有请求体：请选择 POST。')
  }
}

/** The JSON body as an object, or a failure that says where it breaks. */
function jsonFields(body: string): Record<string, unknown> | null {
  if (body.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw invalid(`The body is not JSON: ${reason}`, `请求体不是合法的 JSON：${reason}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const typed = Object.keys(value).find((name) => DESK_ADDED_FIELDS.includes(name.toLowerCase()))
  if (typed) {
    throw invalid(
      `Remove “${typed}” from the body: the desk adds the credential itself.`,
      `请从请求体中删除 “${typed}”：凭证由本工具添加。`
    )
  }
  return value as Record<string, unknown>
}

/** The request as the gateway relays it: the credential added where the API takes it, the body encoded. */
export function composeRequest(
  request: ConsoleRequest,
  credential: DeskCredential,
  files: (fileId: string) => HeldFile | null
): GatewayRequest {
  checkRequest(request)
  const kind = credentialFor(request.path)
  const query = new URLSearchParams(request.query)
  if (kind === 'token' && credential.token !== null) query.set('access_token', credential.token)
  if (kind === 'secret-query') {
    if (!query.has('appid')) query.set('appid', credential.appId)
    query.set('secret', requireSecret(credential))
  }
  const { headers, bytes } = encodeBody(request.body, kind === 'secret-body' ? credential : null, files)
  return {
    source: 'console',
    method: request.method,
    path: request.path,
    query: query.toString(),
    headers,
    callerPort: null,
    body: { kind: 'bytes', bytes }
  }
}

function requireSecret(credential: DeskCredential): string {
  if (credential.secret !== null) return credential.secret
  throw new DeskFailure({
    code: 'no-secret',
    message: text(
      'This API needs the AppSecret, and the desk holds none for this app in this session.',
      '此接口需要 AppSecret，而本工具在本次会话中没有该应用的 AppSecret。'
    ),
    fix: text('Edit the app and enter its AppSecret.', '请编辑应用并填写 AppSecret。')
  })
}

function encodeBody(
  body: ConsoleBody,
  withSecret: DeskCredential | null,
  files: (fileId: string) => HeldFile | null
): { headers: string[]; bytes: Buffer } {
  if (body.kind === 'json') {
    let textBody = body.text
    if (withSecret) {
      const fields = jsonFields(body.text) ?? {}
      textBody = JSON.stringify({
        ...fields,
        appid: fields['appid'] ?? withSecret.appId,
        appsecret: requireSecret(withSecret)
      })
    }
    return { headers: ['content-type', 'application/json'], bytes: Buffer.from(textBody, 'utf8') }
  }
  if (body.kind === 'multipart') return encodeMultipart(body.parts, files)
  return { headers: [], bytes: Buffer.alloc(0) }
}

/** `multipart/form-data` (RFC 7578) with each picked file's bytes, as curl sends it. */
function encodeMultipart(
  parts: Extract<ConsoleBody, { kind: 'multipart' }>['parts'],
  files: (fileId: string) => HeldFile | null
): { headers: string[]; bytes: Buffer } {
  const boundary = `----wechat-token-desk-${randomBytes(12).toString('hex')}`
  const chunks: Buffer[] = []
  const quoted = (value: string): string => value.replace(/["\r\n]/g, (c) => encodeURIComponent(c))
  for (const part of parts) {
    if (part.kind === 'text') {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.name)}"\r\n\r\n${part.value}\r\n`
        )
      )
      continue
    }
    const file = part.fileId === null ? null : files(part.fileId)
    if (!file) {
      throw invalid(`Choose a file for “${part.name}” first.`, `请先为 “${part.name}” 选择文件。`)
    }
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.name)}"; filename="${quoted(file.fileName)}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`
      ),
      file.bytes,
      Buffer.from('\r\n')
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    headers: ['content-type', `multipart/form-data; boundary=${boundary}`],
    bytes: Buffer.concat(chunks)
  }
}
