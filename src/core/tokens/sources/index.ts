export { RemoteTokenSource, type RemoteResult, type RemoteTarget } from './remote'
export { WeChatTokenSource } from './wechat'
export type { TokenAnswer, TokenRequest, TokenSource, TokenSources } from './token-source'
