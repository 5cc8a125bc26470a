import { credentialFor } from '../../shared/console-catalogue'
import type { ConsoleRequest } from '../../shared/contract'
import { shellQuote } from '../oauth/curl'

/**
 * The request as a curl command against `apiBase` that runs as pasted once `ACCESS_TOKEN` (or `APPSECRET`) is
 * set: the credential is a shell variable, never its value. A picked file is `@` its name.
 */
export function consoleCurl(request: ConsoleRequest, apiBase: string, appId: string): string {
  const kind = credentialFor(request.path)
  const query = new URLSearchParams(request.query)
  if (kind === 'secret-query' && !query.has('appid')) query.set('appid', appId)
  const plain = query.toString()
  const base = `${apiBase.replace(/\/+$/, '')}${request.path}`
  let url = shellQuote(plain === '' ? base : `${base}?${plain}`)
  const joiner = plain === '' ? '?' : '&'
  if (kind === 'token') url += `"${joiner}access_token=$ACCESS_TOKEN"`
  if (kind === 'secret-query') url += `"${joiner}secret=$APPSECRET"`
  const lines = [`curl -sS -X ${request.method} ${url}`]
  const { body } = request
  if (body.kind === 'json') {
    lines.push(`-H 'Content-Type: application/json'`)
    if (kind === 'secret-body') {
      const fields = parseObject(body.text)
      const appid = typeof fields['appid'] === 'string' ? fields['appid'] : appId
      const rest = JSON.stringify({ ...fields, appid }).slice(0, -1)
      lines.push(`--data-raw ${shellQuote(`${rest},"appsecret":"`)}"$APPSECRET"'"}'`)
    } else {
      lines.push(`--data-raw ${shellQuote(body.text)}`)
    }
  }
  if (body.kind === 'multipart') {
    for (const part of body.parts) {
      lines.push(
        part.kind === 'text'
          ? `-F ${shellQuote(`${part.name}=${part.value}`)}`
          : `-F ${shellQuote(`${part.name}=@${part.fileName || 'file'}`)}`
      )
    }
  }
  return lines.join(' \\\n  ')
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
