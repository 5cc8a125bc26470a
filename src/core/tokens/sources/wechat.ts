import { text, type DeskError } from '../../../shared/result'
import type { AppCredentials } from '../../profiles'
import { failureToDeskError, type WeChatClient } from '../../wechat'
import type { UsageCounter } from '../usage-counter'
import type { TokenAnswer, TokenRequest, TokenSource } from './token-source'

/**
 * WeChat's own token endpoints: stable_token (normal mode returns the current token; force_refresh mints
 * one) or the classic /cgi-bin/token (every call mints one). Every call counts against the day's quota.
 */
export class WeChatTokenSource implements TokenSource {
  constructor(
    private readonly endpoint: 'stable' | 'classic',
    private readonly client: WeChatClient,
    private readonly usage: UsageCounter
  ) {}

  origin(creds: AppCredentials): string {
    return creds.apiBase
  }

  missingCredential(creds: AppCredentials): DeskError | null {
    if (creds.secret !== null) return null
    return {
      code: 'no-secret',
      message: text(
        'This app has no AppSecret for this session. Enter it in Edit.',
        '此应用在本次会话中没有 AppSecret，请在“编辑”中填写。'
      )
    }
  }

  refusesForce(): DeskError | null {
    if (this.endpoint === 'stable') return null
    return {
      code: 'guard',
      message: text(
        'Force refresh is a stable_token feature. In classic mode every Refresh already mints a new token.',
        '强制刷新是 stable_token 的功能。普通（classic）模式下每次“刷新”都会生成新令牌。'
      )
    }
  }

  async obtain({ profileId, creds, force, signal }: TokenRequest): Promise<TokenAnswer> {
    this.usage.count(profileId, force)
    const params = { apiBase: creds.apiBase, appid: creds.appId, secret: creds.secret ?? '', signal }
    const result =
      this.endpoint === 'stable'
        ? await this.client.getStableToken({ ...params, forceRefresh: force })
        : await this.client.getToken(params)
    return result.ok
      ? result
      : { ok: false, error: failureToDeskError(result.failure, 'token-fetch'), call: result.call }
  }
}
