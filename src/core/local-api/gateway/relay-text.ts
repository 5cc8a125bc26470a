// The bits of text the relay rewrites (the token in a query) or writes (why a call failed).

/**
 * The query with its `access_token` value replaced in place, or dropped when `token` is null (every other byte,
 * and the order, kept).
 */
export function withToken(query: string, token: string | null): string {
  return query
    .split('&')
    .flatMap((part) => {
      const eq = part.indexOf('=')
      const name = eq === -1 ? part : part.slice(0, eq)
      if (safeDecode(name) !== 'access_token') return [part]
      return token === null ? [] : [`${name}=${encodeURIComponent(token)}`]
    })
    .join('&')
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** Why no answer came from upstream, in a few words. */
export function unreachableReason(error: unknown, host: string): string {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  const cause = typeof error === 'object' && error !== null ? Reflect.get(error, 'cause') : undefined
  const causeCode = typeof cause === 'object' && cause !== null ? Reflect.get(cause, 'code') : undefined
  const name = typeof causeCode === 'string' ? causeCode : typeof code === 'string' ? code : 'error'
  if (name === 'ECONNREFUSED') return `connection refused by ${host}`
  if (name.includes('TIMEOUT')) return `${host} did not answer in time`
  if (name === 'UND_ERR_ABORTED' || (error instanceof Error && error.name === 'AbortError'))
    return 'the caller went away'
  return `could not reach ${host} (${name})`
}

/** The start of an error page (HTML, text, JSON) as one short line, for the log's message. */
export function snippet(start: Buffer, type: string | null): string {
  if (type !== null && !/text|json|html|xml/i.test(type)) return ''
  const flat = start.subarray(0, 400).toString('utf8').replace(/\s+/g, ' ').trim()
  return flat === '' ? '' : `: ${flat.length > 160 ? `${flat.slice(0, 160)}…` : flat}`
}
