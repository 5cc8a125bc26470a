import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import { hasBody } from '../../http/read-body'
import { writeReply } from '../../http/reply'
import type { ApiCall, Streamed } from '../routes'
import type { Gateway } from './gateway'
import type { AnswerSink, GatewayBody, GatewayCaller } from './relay-request'

// The Local API's HTTP server as one of the gateway's callers: its request as a GatewayRequest, its
// response as an AnswerSink.

const NO_BODY: GatewayBody = Object.freeze({ kind: 'bytes', bytes: Buffer.alloc(0) })

/** Who asked and what, as the gateway logs it. */
export function callerOf(call: ApiCall): GatewayCaller {
  return {
    source: 'gateway',
    method: call.method,
    path: call.path,
    query: call.query,
    headers: call.req.rawHeaders,
    callerPort: call.req.socket.remotePort ?? null
  }
}

/** Relays an HTTP request through the gateway, its body streamed as it arrives. */
export function relayHttp(gateway: Gateway, call: ApiCall): Streamed {
  const { req } = call
  const declared = Number(req.headers['content-length'])
  const body: GatewayBody = hasBody(req)
    ? { kind: 'stream', stream: req, declared: Number.isFinite(declared) ? declared : null }
    : NO_BODY
  const status = gateway.relay({ ...callerOf(call), body }, httpSink(call.res)).then((done) => done.status)
  return { kind: 'streamed', status }
}

/** An HTTP response as the gateway writes it; the caller hanging up aborts the upstream request. */
function httpSink(res: ServerResponse): AnswerSink {
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  return {
    signal: controller.signal,
    get started() {
      return res.headersSent
    },
    get gone() {
      return res.destroyed
    },
    reply: (answer) => writeReply(res, answer),
    head: (status, headers) => res.writeHead(status, headers),
    async write(chunk) {
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')])
    },
    end: () => res.end(),
    destroy: () => res.destroy()
  }
}
