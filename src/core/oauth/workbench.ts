import { randomBytes } from 'node:crypto'
import type { AppView } from '../../shared/contract'
import { DeskFailure } from '../../shared/result'
import type { CallLog } from '../call-log'
import type { ClipboardPort, SecretCipher } from '../ports'
import type { ProfileService } from '../profiles'
import type { DeskStore } from '../storage'
import type { Clock } from '../time/clock'
import { failureToDeskError, type UpstreamCall, type UpstreamFailure, type WeChatClient } from '../wechat'
import type { OAuthDomains } from './authorize-links'
import type { InterfaceTable } from './lan-addresses'

export interface OAuthServiceDeps {
  profiles: ProfileService
  client: WeChatClient
  store: DeskStore
  cipher: SecretCipher
  clock: Clock
  callLog: CallLog
  clipboard: ClipboardPort
  /** An app's 网页授权 domains (default: its own). The desktop's sandbox falls back to its emulator's. */
  domainsFor?: (app: AppView) => OAuthDomains
  /** This machine's network interfaces (os.networkInterfaces by default). */
  interfaces?: () => InterfaceTable
  catcherTimeoutMs?: number
  catcherLingerMs?: number
}

/** What the workbench's parts (links, catcher, code exchange, user tokens) share; the OAuthService provides it. */
export interface OAuthWorkbench {
  readonly deps: OAuthServiceDeps
  /** The app's view; throws `not-found`, or `internal` once the desk is shutting down. */
  app(profileId: string): AppView
  exists(profileId: string): boolean
  /** Puts an upstream call into the call log under the app. */
  log(profileId: string, call: UpstreamCall): void
  /** Tells the listeners the workbench's state changed. */
  changed(): void
}

/** An OAuth call's failure, thrown with the OAuth wording. */
export function oauthFailure(failure: UpstreamFailure): DeskFailure {
  return new DeskFailure(failureToDeskError(failure, 'oauth'))
}

/** A random id for a built link or a recorded authorization. */
export const newId = (): string => randomBytes(9).toString('base64url')
