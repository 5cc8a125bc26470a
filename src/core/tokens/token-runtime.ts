import type { Dispatcher } from 'undici'
import { CallLog } from '../call-log'
import { RemoteTokenSource } from './sources'
import { createWeChatClient, type WeChatClient } from '../wechat'
import { TokenKeeper, type TokenKeeperDeps } from './token-keeper'

export interface TokenRuntimeOptions extends Omit<TokenKeeperDeps, 'client' | 'remote' | 'callLog'> {
  /** Route upstream calls through a custom undici dispatcher (tests). */
  dispatcher?: Dispatcher
  timeoutMs?: number
  callLog?: CallLog
}

/** A token keeper with the clients it talks through: what the desk, headless serve and tests all need. */
export interface TokenRuntime {
  keeper: TokenKeeper
  client: WeChatClient
  remote: RemoteTokenSource
  callLog: CallLog
  /** Lets in-flight calls finish, stops the timers and closes the clients. */
  close(): Promise<void>
}

export function createTokenRuntime(options: TokenRuntimeOptions): TokenRuntime {
  const { dispatcher, timeoutMs, callLog = new CallLog(), ...deps } = options
  const client = createWeChatClient({ clock: deps.clock, dispatcher, timeoutMs })
  const remote = new RemoteTokenSource(deps.clock, timeoutMs, dispatcher)
  const keeper = new TokenKeeper({ ...deps, client, remote, callLog })
  return {
    keeper,
    client,
    remote,
    callLog,
    async close() {
      await keeper.whenIdle()
      keeper.stop()
      await client.close()
      await remote.close()
    }
  }
}
