import { isIP } from 'node:net'
import { text, type Localized } from '../../shared/result'

/** 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (bare === 'localhost' || bare === '::1') return true
  return isIP(bare) === 4 && bare.startsWith('127.')
}

export type ListenHostCheck = { ok: true; host: string } | { ok: false; message: Localized }

/**
 * The address to listen on: an IP literal (or `localhost`, which means 127.0.0.1). Anything but loopback
 * needs the user's explicit `allowNonLoopback`.
 */
export function checkListenHost(input: string, allowNonLoopback: boolean): ListenHostCheck {
  const raw = input.trim().replace(/^\[|\]$/g, '')
  const host = raw.toLowerCase() === 'localhost' ? '127.0.0.1' : raw
  if (isIP(host) === 0) {
    return {
      ok: false,
      message: text(
        `"${input}" is not an IP address. Use 127.0.0.1 (this machine only) or the address of one of its network interfaces.`,
        `“${input}”不是 IP 地址。请使用 127.0.0.1（仅本机）或本机某个网卡的地址。`
      )
    }
  }
  if (!isLoopbackHost(host) && !allowNonLoopback) {
    return {
      ok: false,
      message: text(
        `Listening on ${host} makes the API reachable from other machines. Allow non-loopback addresses explicitly to do that.`,
        `监听 ${host} 会让其他机器也能访问此 API。如确需如此，请明确允许非回环地址。`
      )
    }
  }
  return { ok: true, host }
}

/** The warning shown while the API listens on something other than loopback. */
export function nonLoopbackWarning(host: string): Localized {
  return text(
    `The local API listens on ${host}: any machine that can reach this address and has the key can read your access tokens, over plain HTTP. Switch back to 127.0.0.1 when you no longer need it.`,
    `本地 API 正在监听 ${host}：任何能访问该地址并持有密钥的机器都能以明文 HTTP 读取你的 access_token。不再需要时请改回 127.0.0.1。`
  )
}
