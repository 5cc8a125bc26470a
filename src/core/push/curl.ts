import { shellQuote } from '../oauth/curl'
import { WECHAT_REPLY_TIMEOUT_MS } from './delivery'
import type { SignedRequest } from '../../shared/contract'

/**
 * The request as a curl command with its signed query, to replay from a terminal: `-i` shows the status,
 * `--max-time` is WeChat's patience. It carries no Token or key (only what WeChat itself sends).
 */
export function curlFor(request: SignedRequest): string {
  const parts = ['curl -sS -i', `--max-time ${WECHAT_REPLY_TIMEOUT_MS / 1000}`]
  if (request.method === 'POST') parts.push('-X POST')
  parts.push(shellQuote(request.url))
  for (const [name, value] of Object.entries(request.headers))
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`)
  if (request.body !== null) parts.push(`--data-binary ${shellQuote(request.body)}`)
  return parts.join(' ')
}
