import type { AppDraft } from '../../shared/contract'
import { DEFAULT_API_BASE } from '../../shared/contract'
import { checkJsDomains } from '../../shared/js-domain'
import { checkOAuthDomains, type CheckedDomains } from '../../shared/oauth-domain'
import { DeskFailure, text, type FieldIssue } from '../../shared/result'
import {
  checkAppId,
  checkAppSecret,
  checkName,
  issue,
  parseApiBase,
  parseRemoteUrl
} from '../../shared/validation'
import type { StoredProfile } from '../storage'

/** What a valid draft sets on the stored profile. A domain list is absent when the draft leaves it as it is. */
export type DraftFields = Pick<
  StoredProfile,
  'name' | 'appId' | 'kind' | 'env' | 'mode' | 'apiBase' | 'remoteUrl'
> & {
  oauthDomains?: string[]
  jsDomains?: string[]
}

/** A valid draft: the fields to store, and a new secret or remote key to take into custody (null: keep). */
export interface CheckedDraft {
  fields: DraftFields
  secret: string | null
  remoteKey: string | null
}

export interface DraftContext {
  /** The profile being edited, or null for a new one. */
  current: StoredProfile | null
  /** Whether `current` already holds a remote API key, which an empty one in the draft keeps. */
  hasRemoteKey: boolean
  /** Another profile that already fetches tokens for this AppID at this address. */
  twinOf(appId: string, apiBase: string): StoredProfile | undefined
}

/** Checks a new or edited profile field by field; throws `invalid-input` with every issue found. */
export function checkDraft(draft: AppDraft, { current, hasRemoteKey, twinOf }: DraftContext): CheckedDraft {
  const name = draft.name.trim()
  const appId = draft.appId.trim()
  const secretInput = draft.secret?.trim() ?? ''
  const remote = draft.mode === 'remote'
  const issues: FieldIssue[] = [...issue('name', checkName(name)), ...issue('appId', checkAppId(appId))]
  // On edit an empty secret keeps the stored one. Remote mode needs no secret: the other 中控 holds it.
  if (secretInput !== '' || (current === null && !remote)) {
    issues.push(...issue('secret', checkAppSecret(secretInput)))
  }
  let remoteUrl: string | null = null
  const remoteKey = draft.remoteKey?.trim() ?? ''
  if (remote) {
    const parsed = parseRemoteUrl(draft.remoteUrl ?? '')
    if (parsed.ok) remoteUrl = parsed.value
    else issues.push({ path: 'remoteUrl', message: parsed.message })
    if (remoteKey === '' && !hasRemoteKey) {
      issues.push({
        path: 'remoteKey',
        message: text(
          'The token server’s API key is required (copy it from its Local API panel)',
          '需要令牌服务器的 API 密钥（可在其“本地 API”面板复制）'
        )
      })
    } else if (remoteKey !== '' && remoteKey.length < 16) {
      issues.push({
        path: 'remoteKey',
        message: text(
          `API keys are at least 16 characters; this one has ${remoteKey.length}`,
          `API 密钥至少 16 个字符；当前为 ${remoteKey.length} 个`
        )
      })
    }
  }
  const base = parseApiBase(draft.apiBase ?? '')
  if (!base.ok) issues.push({ path: 'apiBase', message: base.message })
  const apiBase = base.ok ? base.value : DEFAULT_API_BASE
  const twin = twinOf(appId, apiBase)
  if (twin) {
    issues.push({
      path: 'appId',
      message: text(
        `"${twin.name}" already uses this AppID. Two profiles would fetch tokens that invalidate each other; edit that one instead.`,
        `“${twin.name}”已使用此 AppID。两个配置各自获取令牌会互相失效，请编辑已有配置。`
      )
    })
  }
  const domains = domainsOf(draft, issues)
  if (issues.length > 0) throw invalid(issues)
  return {
    fields: {
      name,
      appId,
      kind: draft.kind,
      env: draft.env,
      mode: draft.mode,
      apiBase,
      remoteUrl,
      ...domains
    },
    secret: secretInput === '' ? null : secretInput,
    remoteKey: remote && remoteKey !== '' ? remoteKey : null
  }
}

/**
 * Checks an edit of the sandbox profile. Its AppID, secret and address belong to the emulator; the rest is
 * the user's to try.
 */
export function checkSandboxDraft(
  draft: AppDraft
): Pick<DraftFields, 'name' | 'env' | 'mode' | 'kind' | 'oauthDomains' | 'jsDomains'> {
  const issues = issue('name', checkName(draft.name))
  const domains = domainsOf(draft, issues)
  if (issues.length > 0) throw invalid(issues)
  if (draft.mode === 'remote') {
    throw invalid([
      {
        path: 'mode',
        message: text(
          'The sandbox always talks to the built-in emulator; add a new app for remote mode.',
          '沙箱始终连接内置模拟器；如需远程模式，请新建应用。'
        )
      }
    ])
  }
  return {
    name: draft.name.trim(),
    env: draft.env,
    mode: draft.mode,
    kind: draft.kind,
    ...domains
  }
}

const DOMAIN_CHECKS = {
  oauthDomains: checkOAuthDomains,
  jsDomains: checkJsDomains
} satisfies Record<'oauthDomains' | 'jsDomains', (values: readonly string[]) => CheckedDomains>

/**
 * The draft's domain lists (网页授权, JS接口安全域名), normalised; a list the draft leaves out keeps the stored
 * one, so it is absent here.
 */
function domainsOf(draft: AppDraft, issues: FieldIssue[]): Pick<DraftFields, 'oauthDomains' | 'jsDomains'> {
  const out: Pick<DraftFields, 'oauthDomains' | 'jsDomains'> = {}
  for (const field of ['oauthDomains', 'jsDomains'] as const) {
    const values = draft[field]
    if (values === undefined) continue
    const checked = DOMAIN_CHECKS[field](values)
    if (checked.ok) out[field] = checked.value
    else issues.push({ path: field, message: checked.message })
  }
  return out
}

function invalid(issues: FieldIssue[]): DeskFailure {
  return new DeskFailure({
    code: 'invalid-input',
    message: text(
      issues.length === 1
        ? (issues[0]?.message.en ?? 'Invalid input')
        : `${issues.length} fields need attention`,
      issues.length === 1 ? (issues[0]?.message['zh-CN'] ?? '输入无效') : `${issues.length} 个字段需要修改`
    ),
    issues
  })
}
