import { useId, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PUSH_TEMPLATE_IDS, type PushState, type PushTemplate } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { isShortcut } from '../../lib/shortcuts'
import { useDeskQuery } from '../../lib/use-desk-query'
import { useLocalize } from '../../lib/use-localize'
import { rebuildBody, sendPush } from './push-commands'
import {
  chooseTemplate,
  editBody,
  receiveComposedBody,
  setFieldValue,
  setPushError,
  setRetry,
  usePushStore
} from './push-store'

const COMPOSE_DELAY_MS = 150

/** One input per field of the template, showing its sample value until changed. */
function TemplateFields({ template }: { template: PushTemplate }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  const values = usePushStore((state) => state.composer.values)
  const idBase = useId()
  if (template.fields.length === 0) return <p className="hint">{t('composer.noFields')}</p>
  return (
    <div className="push-grid">
      {template.fields.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={`${idBase}-${field.name}`}>
            {t('composer.field', { label: localize(field.label), name: field.name })}
          </label>
          <input
            id={`${idBase}-${field.name}`}
            className={field.bare ? 'mono' : undefined}
            type="text"
            inputMode={field.bare ? 'decimal' : undefined}
            spellCheck={false}
            autoComplete="off"
            value={values[field.name] ?? field.value}
            onChange={(event) => setFieldValue(field.name, event.target.value)}
          />
        </div>
      ))}
    </div>
  )
}

/**
 * Step 2: a message or event from WeChat's templates for this app's kind, its fields, and the raw body that
 * is signed, encrypted and sent — editable. Send (or Ctrl/⌘+Enter inside it) pushes it.
 */
export function Composer({ state }: { state: PushState }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  const composer = usePushStore((s) => s.composer)
  const form = usePushStore((s) => s.form)
  const busy = usePushStore((s) => s.busy)
  const running = usePushStore((s) => s.run !== null)
  const error = usePushStore((s) => s.errors.compose)
  const ids = { heading: useId(), template: useId(), body: useId(), bodyHint: useId(), retry: useId() }
  const template = state.templates.find((candidate) => candidate.id === composer.template) ?? null
  const profileId = state.config.profileId

  // The body follows the template and fields (and who writes to whom) until it is edited by hand.
  useDeskQuery({
    ask:
      template === null || form === null || composer.edited
        ? null
        : (desk) =>
            desk.composePush({
              id: profileId,
              template: template.id,
              values: composer.values,
              format: form.format,
              accountId: form.accountId,
              openid: form.openid
            }),
    key: [
      profileId,
      template?.id,
      JSON.stringify(composer.values),
      form?.format,
      form?.accountId,
      form?.openid,
      composer.edited
    ],
    onResult: (result) => {
      if (result.ok) {
        receiveComposedBody(result.value.body)
        setPushError('compose', null)
      } else setPushError('compose', result.error)
    },
    delayMs: COMPOSE_DELAY_MS
  })

  const messages = state.templates.filter((candidate) => candidate.msgType !== 'event')
  const events = state.templates.filter((candidate) => candidate.msgType === 'event')
  const canSend = !running && busy === null && composer.body.trim() !== ''

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (!isShortcut(event.nativeEvent, 'Enter')) return
    event.preventDefault()
    if (canSend) void sendPush()
  }

  return (
    <section className="step" aria-labelledby={ids.heading} onKeyDown={onKeyDown}>
      <h3 id={ids.heading} className="step-heading">
        {t('composer.heading')}
      </h3>
      <div className="field">
        <label htmlFor={ids.template}>{t('composer.template')}</label>
        <select
          id={ids.template}
          value={composer.template ?? ''}
          onChange={(event) => {
            const chosen = PUSH_TEMPLATE_IDS.find((id) => id === event.target.value)
            if (chosen !== undefined) chooseTemplate(chosen)
          }}
        >
          {[
            { label: t('composer.messages'), items: messages },
            { label: t('composer.events'), items: events }
          ]
            .filter((group) => group.items.length > 0)
            .map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {localize(item.label)}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </div>
      {template && <TemplateFields template={template} />}
      <div className="field">
        <label htmlFor={ids.body}>{t('composer.body')}</label>
        <textarea
          id={ids.body}
          className="mono push-body"
          rows={7}
          spellCheck={false}
          aria-describedby={ids.bodyHint}
          value={composer.body}
          onChange={(event) => editBody(event.target.value)}
        />
        <p id={ids.bodyHint} className="field-hint">
          {t('composer.bodyHint')}
        </p>
        {composer.edited && (
          <p className="push-row push-wrap">
            <span className="warning-text">{t('composer.edited')}</span>
            <button
              type="button"
              className="quiet"
              disabled={busy === 'compose'}
              onClick={() => void rebuildBody()}
            >
              {t('composer.rebuild')}
            </button>
          </p>
        )}
      </div>
      <label htmlFor={ids.retry} className="push-check">
        <input
          id={ids.retry}
          type="checkbox"
          checked={composer.retry}
          onChange={(event) => setRetry(event.target.checked)}
        />{' '}
        {t('composer.retry', {
          seconds: state.attemptTimeoutMs / 1000,
          deliveries: state.deliveries
        })}
      </label>
      <div className="push-row">
        <button type="button" className="primary" disabled={!canSend} onClick={() => void sendPush()}>
          {t('composer.send')}
        </button>
        <span className="hint">{t('composer.shortcut')}</span>
      </div>
      {error && <ErrorCallout error={error} onDismiss={() => setPushError('compose', null)} />}
    </section>
  )
}
