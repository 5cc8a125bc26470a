import { checkJsDomains } from '../../../../shared/js-domain'
import { checkOAuthDomains, normalizeOAuthDomain } from '../../../../shared/oauth-domain'
import { text, type FieldIssue, type Localized } from '../../../../shared/result'
import type { AppKind, AppView, EnvTag, TokenMode } from '../../../../shared/contract'
import {
  checkAppId,
  checkAppSecret,
  checkName,
  parseApiBase,
  parseRemoteUrl
} from '../../../../shared/validation'
import { splitDomains } from '../../lib/split-domains'
import type { AppDraftInput } from './app-commands'

const APP_FIELDS = [
  'name',
  'appId',
  'secret',
  'kind',
  'env',
  'mode',
  'apiBase',
  'remoteUrl',
  'remoteKey',
  'oauthDomains',
  'jsDomains'
] as const
export type AppField = (typeof APP_FIELDS)[number]

export interface AppFormValues {
  name: string
  appId: string
  /** Empty on edit = keep the stored secret. */
  secret: string
  kind: AppKind
  env: EnvTag
  mode: TokenMode
  apiBase: string
  /** Remote mode only. */
  remoteUrl: string
  /** Remote mode only; empty on edit = keep the stored key. */
  remoteKey: string
  /** 网页授权 callback domains as typed: one per line or separated by commas. */
  oauthDomains: string
  /** JS接口安全域名 as typed, like the OAuth domains. */
  jsDomains: string
}

export function initialValues(app?: AppView): AppFormValues {
  if (!app) {
    return {
      name: '',
      appId: '',
      secret: '',
      kind: 'official-account',
      env: 'dev',
      mode: 'stable',
      apiBase: '',
      remoteUrl: '',
      remoteKey: '',
      oauthDomains: '',
      jsDomains: ''
    }
  }
  return {
    name: app.name,
    appId: app.appId,
    secret: '',
    kind: app.kind,
    env: app.env,
    mode: app.mode,
    apiBase: app.apiBase,
    remoteUrl: app.remoteUrl ?? '',
    remoteKey: '',
    oauthDomains: (app.oauthDomains ?? []).join('\n'),
    jsDomains: (app.jsDomains ?? []).join('\n')
  }
}

const sameDomains = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length &&
  a.every((domain, index) => normalizeOAuthDomain(domain) === normalizeOAuthDomain(b[index] ?? ''))

/**
 * What the user typed, as main expects it. Empty optional fields are left out (main applies defaults); the
 * OAuth domains only when they are new or changed (omitted on update = keep, so an edit made meanwhile in the
 * OAuth workbench is not overwritten with the same old list).
 */
export function toDraft(values: AppFormValues, app?: AppView): AppDraftInput {
  const draft: AppDraftInput = {
    name: values.name,
    appId: values.appId,
    kind: values.kind,
    env: values.env,
    mode: values.mode
  }
  if (values.secret !== '') draft.secret = values.secret
  if (values.apiBase.trim() !== '') draft.apiBase = values.apiBase.trim()
  if (values.mode === 'remote') {
    draft.remoteUrl = values.remoteUrl.trim()
    if (values.remoteKey !== '') draft.remoteKey = values.remoteKey
  }
  const domains = splitDomains(values.oauthDomains)
  if (app ? !sameDomains(domains, app.oauthDomains ?? []) : domains.length > 0) draft.oauthDomains = domains
  const jsDomains = splitDomains(values.jsDomains)
  if (app ? !sameDomains(jsDomains, app.jsDomains ?? []) : jsDomains.length > 0) draft.jsDomains = jsDomains
  return draft
}

/**
 * A hint while typing, with the same checks main uses. Main stays the authority: the form is always sent,
 * and main's issues replace these.
 */
export function hintFor(field: AppField, values: AppFormValues): Localized | null {
  switch (field) {
    case 'name':
      return checkName(values.name)
    case 'appId':
      return checkAppId(values.appId)
    case 'secret':
      return values.secret === '' ? null : checkAppSecret(values.secret)
    case 'apiBase': {
      if (values.apiBase.trim() === '') return null
      const parsed = parseApiBase(values.apiBase)
      return parsed.ok ? null : parsed.message
    }
    case 'oauthDomains': {
      const checked = checkOAuthDomains(splitDomains(values.oauthDomains))
      return checked.ok ? null : checked.message
    }
    case 'jsDomains': {
      const checked = checkJsDomains(splitDomains(values.jsDomains))
      return checked.ok ? null : checked.message
    }
    case 'remoteUrl': {
      if (values.mode !== 'remote') return null
      const parsed = parseRemoteUrl(values.remoteUrl)
      return parsed.ok ? null : parsed.message
    }
    default:
      return null
  }
}

const isField = (name: string): name is AppField => (APP_FIELDS as readonly string[]).includes(name)

export interface SortedIssues {
  byField: Partial<Record<AppField, Localized>>
  /** Issues that name no field of the form. */
  other: Localized[]
}

/** Main reports paths like `appId` (create) or `draft.appId` (update): the last segment names the field. */
export function sortIssues(issues: readonly FieldIssue[]): SortedIssues {
  const sorted: SortedIssues = { byField: {}, other: [] }
  for (const issue of issues) {
    const field = issue.path.split('.').pop() ?? ''
    if (isField(field) && !sorted.byField[field]) sorted.byField[field] = issue.message
    else if (!isField(field)) sorted.other.push(issue.message)
  }
  return sorted
}

/** A value as the form will send it, and what was changed on the way (said next to the field). */
export interface Normalized {
  value: string
  note: Localized | null
}

const lowerHexLetters = (value: string): string => value.replace(/[A-F]/g, (ch) => ch.toLowerCase())

/**
 * Pasted AppIDs and secrets come with stray spaces, a `WX` prefix or upper-case hex: those are fixed (and the
 * form says so) rather than refused. Anything else that is wrong stays as typed, for the check to point at.
 */
export function normalizeCredential(field: 'appId' | 'secret', raw: string): Normalized {
  const changes: Localized[] = []
  let value = raw.trim()
  if (value !== raw) changes.push(text('spaces removed', '去掉了空格'))
  if (field === 'appId' && /^wx/i.test(value) && !value.startsWith('wx')) {
    value = `wx${value.slice(2)}`
    changes.push(text('“wx” in lower case', '“wx” 改为小写'))
  }
  const lowered = lowerHexLetters(value)
  if (lowered !== value) {
    value = lowered
    changes.push(
      text('hex digits in lower case, as WeChat writes them', '十六进制字母改为小写（与微信一致）')
    )
  }
  if (changes.length === 0) return { value, note: null }
  return {
    value,
    note: text(
      `Adjusted: ${changes.map((c) => c.en).join('; ')}.`,
      `已调整：${changes.map((c) => c['zh-CN']).join('；')}。`
    )
  }
}
