import type { Dispatcher } from 'undici'
import { CallLog } from '../call-log'
import type { DeskStore } from '../storage'
import { RemoteTokenSource, WeChatTokenSource } from './sources'
import { createWeChatClient, type WeChatClient } from '../wechat'
import { TokenKeeper, type TokenKeeperDeps } from './token-keeper'
import { UsageCounter } from './usage-counter'

export interface TokenRuntimeOptions extends Omit<
  TokenKeeperDeps,
  'client' | 'sources' | 'usage' | 'callLog'
> {
  /** Where the daily call counts persist. */
  store: DeskStore
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
  const { dispatcher, timeoutMs, callLog = new CallLog(), store, ...deps } = options
  const client = createWeChatClient({ clock: deps.clock, dispatcher, timeoutMs })
  const remote = new RemoteTokenSource(deps.clock, timeoutMs, dispatcher)
  const usage = new UsageCounter(store, () => deps.clock.now())
  const sources = {
    stable: new WeChatTokenSource('stable', client, usage),
    classic: new WeChatTokenSource('classic', client, usage),
    remote
  }
  const keeper = new TokenKeeper({ ...deps, sources, usage, client, callLog })
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
