import type { CallLog } from '../call-log'
import type { AppCredentials } from '../profiles'
import type { UpstreamFailure, WeChatClient } from '../wechat'
import type { HeldToken } from './held-token'
import { TOKEN_REJECTED_ERRCODES } from './refresh-governor'

/** What a probe of a held token found. */
export type ProbeVerdict = 'alive' | 'rejected' | 'unknown'

/** WeChat's answer says the token itself is dead (40001, 42001, …), not that something else went wrong. */
export const isRejection = (failure: UpstreamFailure): boolean =>
  failure.kind === 'wechat' && TOKEN_REJECTED_ERRCODES.has(failure.errcode)

/**
 * Calls getcallbackip with `held`: the cheapest "is it alive?" question WeChat answers, and one that
 * costs no quota anyone cares about. Every probe is written to the call log.
 */
export async function probeToken(
  deps: { client: WeChatClient; callLog: CallLog },
  profileId: string,
  creds: AppCredentials,
  held: HeldToken
): Promise<{ verdict: ProbeVerdict; result: Awaited<ReturnType<WeChatClient['getCallbackIp']>> }> {
  const result = await deps.client.getCallbackIp({ apiBase: creds.apiBase, accessToken: held.value })
  deps.callLog.record({ ...result.call, profileId })
  const verdict = result.ok ? 'alive' : isRejection(result.failure) ? 'rejected' : 'unknown'
  return { verdict, result }
}
