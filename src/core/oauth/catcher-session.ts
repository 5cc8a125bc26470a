import type { OAuthAuthorizationView, OAuthCatcherView } from '../../shared/contract'
import { DeskFailure, text, type DeskError, type Localized } from '../../shared/result'
import {
  CallbackCatcher,
  DEFAULT_CATCHER_PATH,
  checkCatcherPath,
  type CatcherCloseReason
} from './callback-catcher'
import { isBindable } from './lan-addresses'
import { listenFailure } from '../http/listen'
import type { StateRegistry } from './state-registry'
import type { OAuthWorkbench } from './workbench'

const STOPPED: OAuthCatcherView = {
  status: 'stopped',
  profileId: null,
  host: null,
  port: null,
  path: null,
  url: null,
  closesAt: null,
  capture: null,
  error: null
}

/** Exchanges a caught code for the app the catcher was started on. */
export type CatcherExchange = (
  profileId: string,
  code: string,
  state: string | null
) => Promise<OAuthAuthorizationView>

/**
 * The one callback catcher the workbench runs at a time, seen as its view: listening, the redirect it caught
 * (or refused) and the exchange of its code, then how it closed.
 */
export class CatcherSession {
  private catcher: CallbackCatcher | null = null
  private current: OAuthCatcherView = STOPPED
  /** A caught code with an unverified state, kept in main until the user confirms or the session ends. */
  private pending: { profileId: string; code: string; state: string | null } | null = null

  constructor(
    private readonly bench: OAuthWorkbench,
    private readonly states: StateRegistry,
    private readonly exchange: CatcherExchange
  ) {}

  get view(): OAuthCatcherView {
    return this.current
  }

  /** Stops any running catcher and starts one on `where` for `profileId`. */
  async start(
    profileId: string,
    where: { host: string; port: number; path?: string }
  ): Promise<OAuthCatcherView> {
    this.bench.app(profileId)
    const path = where.path?.trim() || DEFAULT_CATCHER_PATH
    const host = where.host.trim()
    if (!checkCatcherPath(path)) {
      throw invalid(
        'path',
        text(
          'The callback path must start with "/" and use only letters, digits and / _ . -',
          '回调路径须以“/”开头，只能包含字母、数字和 / _ . -'
        )
      )
    }
    if (!isBindable(host, this.bench.deps.interfaces?.())) {
      throw invalid(
        'host',
        text(
          `The catcher listens only on 127.0.0.1 or one of this computer’s own addresses; ${host} is neither`,
          `回调捕获器只能监听 127.0.0.1 或本机自己的地址；${host} 都不是`
        )
      )
    }
    await this.stop()
    this.pending = null
    const { deps } = this.bench
    let catcher: CallbackCatcher
    try {
      catcher = await CallbackCatcher.start({
        host,
        port: where.port,
        path,
        clock: deps.clock,
        timeoutMs: deps.catcherTimeoutMs,
        lingerMs: deps.catcherLingerMs,
        onCapture: (redirect) => void this.onCapture(profileId, redirect),
        onRefusal: (redirect) => this.onRefusal(redirect),
        onClose: (reason) => this.onClosed(catcher, reason)
      })
    } catch (error) {
      const failure = listenFailure(error, host, where.port)
      this.current = {
        ...STOPPED,
        status: 'failed',
        profileId,
        host,
        port: where.port,
        path,
        error: failure
      }
      this.bench.changed()
      throw new DeskFailure(failure)
    }
    this.catcher = catcher
    this.current = {
      status: 'listening',
      profileId,
      host,
      port: catcher.port,
      path,
      url: catcher.url,
      closesAt: catcher.closesAt,
      capture: null,
      error: null
    }
    this.bench.changed()
    return this.current
  }

  async stop(): Promise<OAuthCatcherView> {
    const catcher = this.catcher
    if (catcher) await catcher.stop()
    return this.current
  }

  private async onCapture(
    profileId: string,
    redirect: { code: string; state: string | null; at: number }
  ): Promise<void> {
    const stateVerdict = this.states.lookup(redirect.state, redirect.at).verdict
    const unverified = stateVerdict !== 'issued'
    this.patchCapture({
      at: redirect.at,
      state: redirect.state,
      stateVerdict,
      refused: false,
      unverified,
      awaitingConfirmation: unverified,
      exchanging: !unverified,
      authorizationId: null,
      error: null
    })
    if (unverified) {
      // A state this desk did not issue: someone else may have sent this code to log the user in as them.
      this.pending = { profileId, code: redirect.code, state: redirect.state }
      return
    }
    await this.exchangeCaught(profileId, redirect.code, redirect.state)
  }

  /** The user confirmed that an unverified code is theirs: exchange it now. */
  async confirm(): Promise<OAuthCatcherView> {
    const pending = this.pending
    const capture = this.current.capture
    if (!pending || !capture?.awaitingConfirmation) {
      throw new DeskFailure({
        code: 'not-found',
        message: text('No caught code is waiting for confirmation.', '没有等待确认的 code。')
      })
    }
    this.pending = null
    this.patchCapture({ ...capture, awaitingConfirmation: false, exchanging: true })
    await this.exchangeCaught(pending.profileId, pending.code, pending.state)
    return this.current
  }

  private async exchangeCaught(profileId: string, code: string, state: string | null): Promise<void> {
    let authorizationId: string | null = null
    let error: DeskError | null = null
    try {
      authorizationId = (await this.exchange(profileId, code, state)).id
    } catch (caught) {
      error =
        caught instanceof DeskFailure
          ? caught.error
          : {
              code: 'internal',
              message: text('The exchange failed unexpectedly', '换取 code 时发生意外错误')
            }
    }
    const capture = this.current.capture
    if (capture) this.patchCapture({ ...capture, exchanging: false, authorizationId, error })
  }

  private onRefusal(redirect: { state: string | null; at: number }): void {
    this.patchCapture({
      at: redirect.at,
      state: redirect.state,
      stateVerdict: this.states.lookup(redirect.state, redirect.at).verdict,
      refused: true,
      unverified: false,
      awaitingConfirmation: false,
      exchanging: false,
      authorizationId: null,
      error: null
    })
  }

  private onClosed(catcher: CallbackCatcher, reason: CatcherCloseReason): void {
    if (this.catcher !== catcher) return
    this.catcher = null
    const captured = this.current.capture !== null && !this.current.capture.refused
    this.current = {
      ...this.current,
      status: captured ? 'captured' : reason === 'timeout' ? 'timed-out' : 'stopped',
      closesAt: null
    }
    this.bench.changed()
  }

  private patchCapture(capture: OAuthCatcherView['capture']): void {
    this.current = {
      ...this.current,
      status:
        capture && !capture.refused && this.current.status === 'listening' ? 'captured' : this.current.status,
      capture
    }
    this.bench.changed()
  }
}

function invalid(path: string, message: Localized): DeskFailure {
  return new DeskFailure({ code: 'invalid-input', message, issues: [{ path, message }] })
}
