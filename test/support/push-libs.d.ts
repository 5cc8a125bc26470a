/** Types for the untyped npm receivers the push simulator is tested against (only what the tests use). */

declare module 'wechat' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  namespace wechat {
    /** A push as node-webot's middleware decodes it: every field a string, nested ones objects. */
    type Message = Record<string, string>
    interface Request extends IncomingMessage {
      query: Record<string, string>
      weixin: Message
    }
    interface Response extends ServerResponse {
      /** A string → text, an array → news, `{type, content}` → that type, another object → music, '' → empty body. */
      reply(content: unknown): void
      transfer2CustomerService(kfAccount?: string): void
    }
    type Next = (error?: unknown) => void
    type Handler = (req: Request, res: Response, next: Next) => void
    interface Config {
      token: string
      appid: string
      encodingAESKey: string
      checkSignature?: boolean
    }
    type Middleware = (
      req: IncomingMessage & { query: Record<string, string> },
      res: ServerResponse,
      next: Next
    ) => void
  }

  function wechat(config: string | wechat.Config, handle: wechat.Handler): wechat.Middleware
  export = wechat
}

declare module 'wechat-crypto' {
  class WXBizMsgCrypt {
    constructor(token: string, encodingAESKey: string, id: string)
    getSignature(timestamp: string, nonce: string, encrypt: string): string
    decrypt(text: string): { message: string; id: string }
    encrypt(text: string): string
  }
  export = WXBizMsgCrypt
}
