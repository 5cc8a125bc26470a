/**
 * Servers that receive WeChat pushes the way developers write them, with real third-party npm libraries:
 * node-webot's `wechat` middleware (Official Accounts, XML, plain / compatible / safe) and `@wecom/crypto`
 * (a Mini Program receiving JSON). They bind to 127.0.0.1 and record what the library decoded.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { decrypt, encrypt, getSignature } from '@wecom/crypto'
import wechat from 'wechat'

export interface Receiver {
  url: string
  /** Each push as the library decoded it, in arrival order (retries included). */
  received: Record<string, string>[]
  /** Each request's method and query, in arrival order. */
  requests: { method: string; query: Record<string, string> }[]
  close(): Promise<void>
}

type Handle = (req: IncomingMessage, query: Record<string, string>, res: ServerResponse) => void

async function listen(
  handle: Handle,
  received: Record<string, string>[],
  timers: Set<NodeJS.Timeout>
): Promise<Receiver> {
  const requests: Receiver['requests'] = []
  const server = createServer((req, res) => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams)
    requests.push({ method: req.method ?? '', query })
    handle(req, query, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/wechat`,
    received,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

const ARTICLE = (n: number): Record<string, string> => ({
  title: `Article ${n}`,
  description: `About ${n}`,
  picUrl: `https://example.com/${n}.jpg`,
  url: `https://example.com/${n}`
})

/**
 * What the node-webot handler answers: a text message `reply:<kind>` asks for that kind of reply, any other
 * text is echoed; events and other messages get a line naming what the library decoded.
 */
function webotAnswer(message: wechat.Message, res: wechat.Response): void {
  if (message['MsgType'] === 'text') {
    const content = message['Content'] ?? ''
    switch (content) {
      case 'reply:image':
        return res.reply({ type: 'image', content: { mediaId: 'image-media-1' } })
      case 'reply:voice':
        return res.reply({ type: 'voice', content: { mediaId: 'voice-media-1' } })
      case 'reply:video':
        return res.reply({
          type: 'video',
          content: { mediaId: 'video-media-1', title: 'Clip', description: 'A short clip' }
        })
      case 'reply:music':
        return res.reply({
          title: 'Song',
          description: 'A song',
          musicUrl: 'https://example.com/song.mp3',
          hqMusicUrl: 'https://example.com/song-hq.mp3',
          thumbMediaId: 'thumb-media-1'
        })
      case 'reply:music-without-thumb':
        return res.reply({ title: 'Song', description: 'A song', musicUrl: 'https://example.com/song.mp3' })
      case 'reply:news':
        return res.reply([ARTICLE(1)])
      case 'reply:news3':
        return res.reply([ARTICLE(1), ARTICLE(2), ARTICLE(3)])
      case 'reply:kf':
        return res.transfer2CustomerService('kf2001@gh_d3e07d51b513')
      case 'reply:empty':
        return res.reply('')
      default:
        return res.reply(`echo: ${content}`)
    }
  }
  if (message['MsgType'] === 'event') {
    if (message['Event'] === 'unsubscribe') return res.reply('')
    if (message['Event'] === 'CLICK') return res.reply([ARTICLE(1), ARTICLE(2), ARTICLE(3)])
    const key = message['EventKey'] ? ` ${message['EventKey']}` : ''
    return res.reply(`event ${message['Event'] ?? '?'}${key}`)
  }
  const fields = Object.entries(message)
    .filter(([name]) => !['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'MsgId'].includes(name))
    .map(([name, value]) => `${name}=${value}`)
  return res.reply(`${message['MsgType'] ?? '?'} ${fields.join(' ')}`)
}

export interface WebotReceiverOptions {
  token: string
  /** Compatible / safe mode: the receiver's EncodingAESKey and AppID (node-webot then answers encrypted). */
  aes?: { encodingAESKey: string; appid: string }
  /** How long the handler sits on the n-th push (1-based) before answering: a slow handler. */
  delayFor?: (delivery: number) => number
}

/** An Official Account server written with node-webot's `wechat` middleware. */
export function startWebotReceiver(options: WebotReceiverOptions): Promise<Receiver> {
  const received: Record<string, string>[] = []
  const timers = new Set<NodeJS.Timeout>()
  const config = options.aes ? { token: options.token, ...options.aes } : options.token
  const middleware = wechat(config, (req, res) => {
    received.push(req.weixin)
    const delay = options.delayFor?.(received.length) ?? 0
    if (delay === 0) return webotAnswer(req.weixin, res)
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!res.destroyed) webotAnswer(req.weixin, res)
    }, delay)
    timers.add(timer)
  })
  return listen(
    (req, query, res) =>
      middleware(Object.assign(req, { query }), res, (error) => {
        res.statusCode = 500
        res.end(String(error))
      }),
    received,
    timers
  )
}

export interface WecomReceiverOptions {
  token: string
  encodingAESKey: string
  appid: string
  /** Refuse pushes that are not encrypted, as a server configured for safe mode does. */
  requireEncryption?: boolean
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const sha1 = (parts: string[]): string => createHash('sha1').update(parts.sort().join('')).digest('hex')

/**
 * A Mini Program server receiving JSON pushes, written with `@wecom/crypto` (signature, decrypt, encrypt).
 * It answers `success`, except a text `reply:kf`, which it transfers to customer service with a JSON reply,
 * encrypted when the push was.
 */
export function startWecomJsonReceiver(options: WecomReceiverOptions): Promise<Receiver> {
  const received: Record<string, string>[] = []
  const handle: Handle = (req, query, res) => {
    const answer = (status: number, body: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body)
    }
    if (sha1([options.token, query['timestamp'] ?? '', query['nonce'] ?? '']) !== query['signature']) {
      return answer(401, 'invalid signature')
    }
    if (req.method === 'GET') return answer(200, query['echostr'] ?? '')
    void readAll(req)
      .then((raw) => {
        const encrypted = query['encrypt_type'] === 'aes'
        if (!encrypted && options.requireEncryption) {
          return answer(400, 'this server runs in safe mode: encrypt_type=aes and msg_signature are required')
        }
        let body = raw
        if (encrypted) {
          const envelope = JSON.parse(raw) as { Encrypt?: string }
          const cipher = envelope.Encrypt ?? ''
          if (
            getSignature(options.token, query['timestamp'] ?? '', query['nonce'] ?? '', cipher) !==
            query['msg_signature']
          ) {
            return answer(401, 'invalid msg_signature')
          }
          const opened = decrypt(options.encodingAESKey, cipher)
          if (opened.id !== options.appid) return answer(401, 'invalid appid')
          body = opened.message
        }
        const message = JSON.parse(body) as Record<string, string | number>
        // JSON.parse rounds a 64-bit MsgId: keep the digits as sent, as a careful handler does.
        const msgId = /"MsgId"\s*:\s*"?(\d+)/.exec(body)?.[1]
        received.push({
          ...Object.fromEntries(Object.entries(message).map(([k, v]) => [k, String(v)])),
          ...(msgId ? { MsgId: msgId } : {})
        })
        if (message['MsgType'] !== 'text' || message['Content'] !== 'reply:kf') return answer(200, 'success')
        const reply = JSON.stringify({
          ToUserName: message['FromUserName'],
          FromUserName: message['ToUserName'],
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'transfer_customer_service'
        })
        if (!encrypted) return answer(200, reply)
        const timestamp = Math.floor(Date.now() / 1000)
        const nonce = query['nonce'] ?? ''
        const sealed = encrypt(options.encodingAESKey, reply, options.appid)
        return answer(
          200,
          JSON.stringify({
            Encrypt: sealed,
            MsgSignature: getSignature(options.token, timestamp, nonce, sealed),
            TimeStamp: timestamp,
            Nonce: nonce
          })
        )
      })
      .catch((error: unknown) => answer(400, String(error)))
  }
  return listen(handle, received, new Set())
}

/** A server that answers every request with the same status, headers and body, whatever it is sent. */
export function startFixedReceiver(answer: {
  status: number
  body: string
  headers?: Record<string, string>
  delayMs?: number
}): Promise<Receiver> {
  const timers = new Set<NodeJS.Timeout>()
  return listen(
    (_req, _query, res) => {
      const send = (): void => {
        if (!res.destroyed) res.writeHead(answer.status, answer.headers ?? {}).end(answer.body)
      }
      if (!answer.delayMs) return send()
      const timer = setTimeout(() => {
        timers.delete(timer)
        send()
      }, answer.delayMs)
      timers.add(timer)
    },
    [],
    timers
  )
}
