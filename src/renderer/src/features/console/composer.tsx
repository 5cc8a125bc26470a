import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { catalogueEntryAt, credentialFor } from '../../../../shared/console-catalogue'
import { CONSOLE_METHODS, type ConsoleBody, type ConsoleMethod } from '../../../../shared/contract'
import { ActionButton } from '../../components/action-button'
import {
  cancelConsoleRequest,
  chooseBodyKind,
  copyConsoleCurl,
  pickConsoleFile,
  saveConsoleRequest,
  sendConsoleRequest
} from './console-commands'
import { editDraft, setJsonBody, setQueryRow, useConsoleStore } from './console-store'
import { checkJson } from './json-check'

const BODY_KINDS: readonly ConsoleBody['kind'][] = ['none', 'json', 'multipart']

/** Seconds since `startedAt`, ticking while shown. */
function useElapsed(startedAt: number | null): string {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (startedAt === null) return
    const timer = setInterval(() => setNow(Date.now()), 100)
    return () => clearInterval(timer)
  }, [startedAt])
  return startedAt === null ? '0.0' : (Math.max(0, now - startedAt) / 1000).toFixed(1)
}

function QueryRows() {
  const { t } = useTranslation('console')
  const query = useConsoleStore((state) => state.draft.query)
  return (
    <fieldset className="console-query">
      <legend>{t('composer.query')}</legend>
      {query.map(([name, value], index) => (
        <div className="console-query-row" key={index}>
          <input
            className="mono"
            aria-label={`${t('composer.query')} ${index + 1} ${t('composer.name')}`}
            value={name}
            spellCheck={false}
            onChange={(event) => setQueryRow(index, [event.target.value, value])}
          />
          <input
            className="mono"
            aria-label={name === '' ? `${t('composer.query')} ${index + 1} ${t('composer.value')}` : name}
            value={value}
            spellCheck={false}
            onChange={(event) => setQueryRow(index, [name, event.target.value])}
          />
          <button
            type="button"
            className="quiet"
            aria-label={t('composer.removeQuery', { name: name || index + 1 })}
            onClick={() => setQueryRow(index, null)}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="quiet" onClick={() => setQueryRow(query.length, ['', ''])}>
        {t('composer.addQuery')}
      </button>
    </fieldset>
  )
}

function JsonEditor({ text }: { text: string }) {
  const { t } = useTranslation('console')
  const id = useId()
  const check = checkJson(text)
  return (
    <div className="field">
      <label htmlFor={id}>{t('composer.body')} (JSON)</label>
      <textarea
        id={id}
        className="mono console-json"
        rows={Math.min(12, text.split('\n').length + 1)}
        spellCheck={false}
        value={text}
        aria-invalid={!check.ok || undefined}
        aria-describedby={`${id}-check`}
        onChange={(event) => setJsonBody(event.target.value)}
      />
      <p
        id={`${id}-check`}
        className={check.ok ? 'hint' : 'field-issue'}
        role={check.ok ? undefined : 'alert'}
      >
        {check.ok
          ? t('composer.jsonOk')
          : t('composer.jsonProblem', {
              line: check.line,
              column: check.column,
              reason: t(`composer.jsonProblems.${check.problem}`, { found: check.found })
            })}
      </p>
    </div>
  )
}

function MultipartParts({ body }: { body: Extract<ConsoleBody, { kind: 'multipart' }> }) {
  const { t } = useTranslation('console')
  const files = useConsoleStore((state) => state.files)
  return (
    <div className="console-parts">
      {body.parts.map((part, index) =>
        part.kind === 'file' ? (
          <div key={index} className="console-part">
            <span className="mono">{part.name}</span>
            <button type="button" onClick={() => void pickConsoleFile(index)}>
              {t('composer.chooseFile', { name: part.name })}
            </button>
            <span className="hint" role="status">
              {part.fileId !== null && files[part.fileId]
                ? t('composer.file', { name: part.fileName, size: `${files[part.fileId]?.bytes ?? 0} B` })
                : t('composer.noFile')}
            </span>
          </div>
        ) : (
          <div key={index} className="console-part">
            <span className="mono">
              {part.name}={part.value}
            </span>
          </div>
        )
      )}
    </div>
  )
}

/**
 * The request: method, path, query and body. Send (or Ctrl/⌘+Enter anywhere in it) leaves the focus where it
 * is; while the request is out, Cancel shows the elapsed time.
 */
export function Composer() {
  const { t } = useTranslation('console')
  const draft = useConsoleStore((state) => state.draft)
  const inFlight = useConsoleStore((state) => state.inFlight)
  const elapsed = useElapsed(inFlight?.startedAt ?? null)
  const [name, setName] = useState('')
  const ids = { method: useId(), path: useId(), pathHint: useId(), kind: useId(), name: useId() }
  const credential = credentialFor(draft.path)
  const entry = catalogueEntryAt(draft.path)
  return (
    <form
      className="console-composer"
      aria-label={t('composer.heading')}
      aria-busy={inFlight !== null || undefined}
      onSubmit={(event) => {
        event.preventDefault()
        void sendConsoleRequest()
      }}
    >
      <div className="console-line">
        <label htmlFor={ids.method} className="sr-only">
          {t('composer.method')}
        </label>
        <select
          id={ids.method}
          value={draft.method}
          onChange={(event) => editDraft({ method: event.target.value as ConsoleMethod })}
        >
          {CONSOLE_METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>
        <label htmlFor={ids.path} className="sr-only">
          {t('composer.path')}
        </label>
        <input
          id={ids.path}
          className="mono console-path"
          value={draft.path}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={ids.pathHint}
          onChange={(event) => editDraft({ path: event.target.value.trim() })}
        />
        <ActionButton type="submit" busy={inFlight !== null} className="primary">
          {t('composer.send')}
        </ActionButton>
        {inFlight !== null && (
          <button type="button" onClick={() => void cancelConsoleRequest()}>
            {t('composer.cancel', { seconds: elapsed })}
          </button>
        )}
      </div>
      <p id={ids.pathHint} className="hint">
        {t(`composer.credential.${credential}`)} {t('composer.sendHint')}
        {entry && entry.required.length > 0 && (
          <> {t('catalogue.required', { fields: entry.required.join(', ') })}</>
        )}
        {entry && (
          <>
            {' '}
            <a href={entry.doc} target="_blank" rel="noreferrer">
              {t('catalogue.doc')}
            </a>
          </>
        )}
      </p>
      <QueryRows />
      <fieldset className="console-body-kind">
        <legend>{t('composer.body')}</legend>
        {BODY_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={ids.kind}
              checked={draft.body.kind === kind}
              onChange={() => chooseBodyKind(kind)}
            />{' '}
            {t(`composer.bodyKinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      {draft.body.kind === 'json' && <JsonEditor text={draft.body.text} />}
      {draft.body.kind === 'multipart' && <MultipartParts body={draft.body} />}
      <div className="console-line">
        <button type="button" onClick={() => void copyConsoleCurl()}>
          {t('composer.copyCurl')}
        </button>
        <label htmlFor={ids.name} className="sr-only">
          {t('composer.saveName')}
        </label>
        <input
          id={ids.name}
          placeholder={t('composer.saveAs')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="button" onClick={() => void saveConsoleRequest(name)}>
          {t('composer.save')}
        </button>
      </div>
    </form>
  )
}
