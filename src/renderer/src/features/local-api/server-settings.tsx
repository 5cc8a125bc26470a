import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalApiStatus } from '../../../../shared/contract/local-api'
import type { DeskError, Localized } from '../../../../shared/result'
import { ErrorCallout } from '../../components/error-callout'
import { useLocalize } from '../../lib/use-localize'
import { isFieldError } from '../../lib/desk'
import { applyLocalApi, type LocalApiPatch } from './local-api-commands'
import { useLocalApiStore } from './local-api-store'

interface ServerDraft {
  host: string
  port: string
  allowNonLoopback: boolean
}

type ServerField = 'host' | 'port'
/** The panel's own hints, as keys into its strings. */
type HintKey = 'server.badHost' | 'server.needsAllow' | 'server.badPort'
/** Main's verdict (localized by main) or the panel's own hint. */
type Issue = Localized | HintKey
type Issues = Partial<Record<ServerField, Issue>>

const fromStatus = (status: LocalApiStatus): ServerDraft => ({
  host: status.host,
  port: String(status.port),
  allowNonLoopback: status.allowNonLoopback
})

const sameDraft = (a: ServerDraft, b: ServerDraft): boolean =>
  a.host.trim() === b.host.trim() &&
  a.port.trim() === b.port.trim() &&
  a.allowNonLoopback === b.allowNonLoopback

/** 127.0.0.0/8, ::1 and localhost, as main counts them; anything else needs the explicit permission. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)
}

/** The draft as a patch for main, or the fields the panel already knows are wrong. */
function toPatch(draft: ServerDraft): { ok: true; patch: LocalApiPatch } | { ok: false; issues: Issues } {
  const issues: Issues = {}
  const host = draft.host.trim()
  const port = draft.port.trim()
  if (host === '') issues.host = 'server.badHost'
  else if (!isLoopbackHost(host) && !draft.allowNonLoopback) issues.host = 'server.needsAllow'
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) issues.port = 'server.badPort'
  if (issues.host || issues.port) return { ok: false, issues }
  return { ok: true, patch: { host, port: Number(port), allowNonLoopback: draft.allowNonLoopback } }
}

/** Main reports `host` (and the schema `port`): the rest of an invalid-input error is shown whole. */
function issuesFrom(error: DeskError): Issues {
  const issues: Issues = {}
  for (const issue of error.issues ?? []) {
    const field = issue.path.split('.').pop()
    if (field === 'port') issues.port ??= issue.message
    else issues.host ??= issue.message
  }
  return issues
}

/** On/off, address and port (non-loopback only when allowed, then with a warning), and the server's state. */
export function ServerSettings({ status }: { status: LocalApiStatus | null }) {
  const { t } = useTranslation('localApi')
  const localize = useLocalize()
  const busy = useLocalApiStore((state) => state.busy)
  const ids = useId()
  const [draft, setDraft] = useState<ServerDraft | null>(null)
  const [issues, setIssues] = useState<Issues>({})

  const saved = status ? fromStatus(status) : null
  const shown = draft ?? saved ?? { host: '127.0.0.1', port: '', allowNonLoopback: false }
  const dirty = draft !== null && saved !== null && !sameDraft(draft, saved)
  const enabled = status?.enabled ?? false
  const failed = enabled && status !== null && !status.running
  const textOf = (issue: Issue): string => (typeof issue === 'string' ? t(issue) : localize(issue))

  const edit = (patch: Partial<ServerDraft>): void => {
    setDraft({ ...shown, ...patch })
    setIssues((current) => ({
      host: 'host' in patch || 'allowNonLoopback' in patch ? undefined : current.host,
      port: 'port' in patch ? undefined : current.port
    }))
  }

  /** Sends the change; a draft that was part of it is done with once main took it. */
  const send = async (patch: LocalApiPatch, command: 'switch' | 'apply', withDraft: boolean) => {
    const result = await applyLocalApi(patch, command)
    if (result.ok) {
      if (withDraft) setDraft(null)
      setIssues({})
    } else if (isFieldError(result.error)) {
      setIssues(issuesFrom(result.error))
    }
  }

  const toggle = (): void => {
    if (!status) return
    if (status.enabled || !dirty) {
      void send({ enabled: !status.enabled }, 'switch', false)
      return
    }
    // Turning on with an edited address: listen where the form says, not where it was.
    const checked = toPatch(shown)
    if (!checked.ok) {
      setIssues(checked.issues)
      return
    }
    void send({ ...checked.patch, enabled: true }, 'switch', true)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (!dirty) return
    const checked = toPatch(shown)
    if (!checked.ok) {
      setIssues(checked.issues)
      return
    }
    void send(checked.patch, 'apply', true)
  }

  const field = (name: ServerField) => {
    const issue = issues[name]
    const issueId = `${ids}-${name}-issue`
    return {
      id: `${ids}-${name}`,
      'aria-invalid': issue !== undefined,
      'aria-describedby': [issue ? issueId : null, `${ids}-hint`].filter(Boolean).join(' '),
      issue: issue ? (
        <p id={issueId} className="field-issue" role={typeof issue === 'string' ? undefined : 'alert'}>
          {textOf(issue)}
        </p>
      ) : null
    }
  }
  const host = field('host')
  const port = field('port')

  return (
    <section aria-labelledby={`${ids}-heading`} className="panel local-api-server">
      <header className="panel-header">
        <h2 id={`${ids}-heading`}>{t('server.heading')}</h2>
      </header>
      <div className="local-api-switch-row">
        <button
          type="button"
          role="switch"
          id={`${ids}-switch`}
          aria-checked={enabled}
          aria-describedby={`${ids}-status`}
          className="switch"
          disabled={status === null || busy === 'switch'}
          onClick={toggle}
        >
          <span className="switch-track" aria-hidden="true" />
        </button>
        <label htmlFor={`${ids}-switch`} className="switch-label">
          {t('server.switch')}
        </label>
      </div>
      <p id={`${ids}-status`} className="local-api-status">
        {status === null ? (
          <span className="muted">{t('state.loading')}</span>
        ) : status.running && status.url ? (
          <>
            <span className="status-dot status-dot-on" aria-hidden="true" />
            {t('server.listening')} <code className="local-api-url">{status.url}</code>
            {status.port === 0 && <span className="muted">{t('server.anyPort')}</span>}
          </>
        ) : failed ? (
          <>
            <span className="status-dot status-dot-failed" aria-hidden="true" />
            <span className="danger-text">{t('server.failed')}</span>
          </>
        ) : (
          <span className="muted">{t('server.off')}</span>
        )}
      </p>
      {failed && status.lastError && <ErrorCallout error={status.lastError} />}
      <form className="local-api-address" noValidate onSubmit={onSubmit}>
        <div className={host.issue ? 'field field-invalid' : 'field'}>
          <label htmlFor={host.id}>{t('server.address')}</label>
          <input
            id={host.id}
            className="mono local-api-host"
            type="text"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={host['aria-invalid']}
            aria-describedby={host['aria-describedby']}
            value={shown.host}
            disabled={status === null}
            onChange={(event) => edit({ host: event.target.value })}
          />
        </div>
        <div className={port.issue ? 'field field-invalid' : 'field'}>
          <label htmlFor={port.id}>{t('server.port')}</label>
          <input
            id={port.id}
            className="mono local-api-port"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={port['aria-invalid']}
            aria-describedby={port['aria-describedby']}
            value={shown.port}
            disabled={status === null}
            onChange={(event) => edit({ port: event.target.value })}
          />
        </div>
        <label className="check local-api-allow">
          <input
            type="checkbox"
            checked={shown.allowNonLoopback}
            disabled={status === null}
            aria-describedby={shown.allowNonLoopback ? `${ids}-allow-hint` : undefined}
            onChange={(event) => edit({ allowNonLoopback: event.target.checked })}
          />
          {t('server.allowNonLoopback')}
        </label>
        {dirty && (
          <div className="local-api-pending">
            <button type="submit" className="primary" disabled={busy === 'apply'}>
              {t('server.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(null)
                setIssues({})
              }}
            >
              {t('server.revert')}
            </button>
            <span className="muted">{t('server.pending')}</span>
          </div>
        )}
      </form>
      {host.issue}
      {port.issue}
      <p id={`${ids}-hint`} className="field-hint">
        {t('server.hint')}
      </p>
      {shown.allowNonLoopback && (
        <p id={`${ids}-allow-hint`} className="field-hint local-api-allow-hint">
          {t('server.allowHint')}
        </p>
      )}
      {status?.warning && <p className="local-api-warning">{localize(status.warning)}</p>}
    </section>
  )
}
