import type { StompEvent, TokenKeeper } from '../tokens'
import { stompingView } from '../tokens'
import type { CallLog } from './call-log'

/** The governor's stomping reports, as call log lines beside the calls that found the dead token. */
export function logStomps(keeper: Pick<TokenKeeper, 'onStomp'>, callLog: CallLog): () => void {
  return keeper.onStomp((event: StompEvent) => {
    callLog.record({
      at: event.lastAt,
      profileId: event.profileId,
      source: 'governor',
      endpoint: 'token-stomped',
      method: '—',
      url: '',
      httpStatus: null,
      errcode: null,
      rid: null,
      durationMs: 0,
      outcome: 'error',
      detail: stompingView(event.appId, event).message.en
    })
  })
}
