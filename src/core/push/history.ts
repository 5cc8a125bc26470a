import type { Localized } from '../../shared/result'
import type { PushAttempt } from './delivery'
import type { MessageFacts } from './message-body'
import type { PushAccount, PushFormat, PushMode } from './push-target'
import type { SignedRequest } from './signed-request'
import type { TemplateId } from './templates'
import type { PushVerdict, VerifyVerdict } from './verdict'

/** The target as history keeps it: everything but the Token and the EncodingAESKey. */
export interface TargetSummary {
  url: string
  mode: PushMode
  account: PushAccount
  format: PushFormat
  accountId: string
  openid: string
  appId: string | null
}

interface EntryBase {
  id: string
  /** When the first delivery started (epoch ms). */
  at: number
  label: Localized
  target: TargetSummary
  request: SignedRequest
  /** Each delivery, in order: one, or up to three when retries were asked for and no answer came. */
  attempts: PushAttempt[]
  /** From the first delivery's start to the last one's end. */
  durationMs: number
}

export interface VerifyEntry extends EntryBase {
  kind: 'verify'
  verdict: VerifyVerdict
}

export interface MessageEntry extends EntryBase {
  kind: 'push'
  /** The template the body started from, or null for a body written from scratch. */
  template: TemplateId | null
  /** The push as sent, read back (what the handler dedupes on); null when the body was not readable. */
  incoming: MessageFacts | null
  verdict: PushVerdict
}

export type PushHistoryEntry = VerifyEntry | MessageEntry

export const DEFAULT_HISTORY_LIMIT = 50

/** The last pushes, newest first, in memory only: bodies may hold a user's test data, never a secret. */
export class PushHistory {
  private entries: PushHistoryEntry[] = []

  constructor(private readonly limit = DEFAULT_HISTORY_LIMIT) {}

  add(entry: PushHistoryEntry): void {
    this.entries = [entry, ...this.entries].slice(0, this.limit)
  }

  list(): readonly PushHistoryEntry[] {
    return this.entries
  }

  get(id: string): PushHistoryEntry | undefined {
    return this.entries.find((entry) => entry.id === id)
  }

  clear(): void {
    this.entries = []
  }
}
