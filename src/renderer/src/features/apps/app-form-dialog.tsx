import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { APP_KINDS, DEFAULT_API_BASE, ENV_TAGS, TOKEN_MODES, type AppView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { Modal } from '../../components/modal'
import { useLocalize } from '../../lib/use-localize'
import type { AppField } from './app-form-model'
import { ChoiceField, FormField, TextField } from '../../components/form-field'
import { useAppForm } from './use-app-form'

/** The sandbox always talks to the emulator, so it cannot read its token from another 中控. */
const SANDBOX_MODES = TOKEN_MODES.filter((mode) => mode !== 'remote')

export interface AppFormDialogProps {
  /** The app to edit; absent to add one. */
  app?: AppView
  onClose: () => void
}

export function AppFormDialog({ app, onClose }: AppFormDialogProps) {
  const { t } = useTranslation('apps')
  const localize = useLocalize()
  const idBase = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const form = useAppForm(app, onClose)
  const { values, change, blur, issueFor, noteFor } = form

  useEffect(() => {
    if (form.rejectedCount > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form.rejectedCount])

  const title = app ? t('form.editTitle') : t('form.addTitle')
  // The sandbox's AppID, secret and address belong to the emulator: main keeps them whatever is sent.
  const bound = app?.isSandbox ?? false
  const boundHint = bound ? t('form.sandboxBound') : undefined
  const remote = values.mode === 'remote'
  const fieldOf = (field: AppField) => {
    const note = noteFor(field)
    return { id: `${idBase}-${field}`, issue: issueFor(field), note: note ? localize(note) : null }
  }
  const textField = (field: 'name' | 'appId' | 'secret' | 'apiBase' | 'remoteUrl' | 'remoteKey') => ({
    ...fieldOf(field),
    value: values[field],
    readOnly: bound && field !== 'name',
    onChange: (value: string) => change(field, value),
    onBlur: () => blur(field)
  })

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    void form.submit()
  }
  // Enter submits from text fields natively; make it do the same on the selects.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault()
      event.currentTarget.requestSubmit()
    }
  }

  return (
    <Modal label={title} onClose={onClose} className="app-form-dialog">
      <form ref={formRef} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <h2>{title}</h2>
        <div className="dialog-body form-grid">
          <TextField {...textField('name')} label={t('form.name')} type="text" />
          <TextField
            {...textField('appId')}
            label={t('form.appId')}
            hint={boundHint ?? t('form.appIdHint')}
            type="text"
            mono
          />
          <TextField
            {...textField('secret')}
            label={t('form.secret')}
            hint={
              boundHint ??
              (remote ? t('form.secretRemote') : app ? t('form.secretKeep') : t('form.secretHint'))
            }
            type="password"
            mono
            placeholder={app?.secretMask ?? undefined}
            reveal={{ show: t('form.showSecret'), hide: t('form.hideSecret') }}
          />
          <ChoiceField
            {...fieldOf('kind')}
            label={t('form.kind')}
            value={values.kind}
            choices={APP_KINDS}
            labelOf={(choice) => t(`kind.${choice}`)}
            onChoose={(choice) => change('kind', choice)}
          />
          <ChoiceField
            {...fieldOf('env')}
            label={t('form.env')}
            value={values.env}
            choices={ENV_TAGS}
            labelOf={(choice) => t(`env.${choice}`)}
            onChoose={(choice) => change('env', choice)}
          />
          <ChoiceField
            {...fieldOf('mode')}
            label={t('form.mode')}
            hint={t('form.modeHint')}
            value={values.mode}
            choices={bound ? SANDBOX_MODES : TOKEN_MODES}
            labelOf={(choice) => t(`form.modes.${choice}`)}
            onChoose={(choice) => change('mode', choice)}
          />
          {remote && (
            <>
              <TextField
                {...textField('remoteUrl')}
                label={t('form.remoteUrl')}
                hint={t('form.remoteUrlHint')}
                type="url"
                mono
                placeholder="http://127.0.0.1:17180"
              />
              <TextField
                {...textField('remoteKey')}
                label={t('form.remoteKey')}
                hint={app?.hasRemoteKey ? t('form.remoteKeyKeep') : t('form.remoteKeyHint')}
                type="password"
                mono
                reveal={{ show: t('form.showRemoteKey'), hide: t('form.hideRemoteKey') }}
              />
            </>
          )}
          <TextField
            {...textField('apiBase')}
            label={t('form.apiBase')}
            hint={boundHint ?? t('form.apiBaseHint')}
            type="url"
            mono
            placeholder={DEFAULT_API_BASE}
          />
          <FormField
            {...fieldOf('oauthDomains')}
            label={t('form.oauthDomains')}
            hint={t('form.oauthDomainsHint')}
          >
            {(control) => (
              <textarea
                {...control}
                className="mono"
                rows={2}
                autoComplete="off"
                spellCheck={false}
                placeholder={'www.example.com\n192.168.1.20:8080'}
                value={values.oauthDomains}
                onChange={(event) => change('oauthDomains', event.target.value)}
                onBlur={() => blur('oauthDomains')}
              />
            )}
          </FormField>
          <FormField {...fieldOf('jsDomains')} label={t('form.jsDomains')} hint={t('form.jsDomainsHint')}>
            {(control) => (
              <textarea
                {...control}
                className="mono"
                rows={2}
                autoComplete="off"
                spellCheck={false}
                placeholder="www.example.com"
                value={values.jsDomains}
                onChange={(event) => change('jsDomains', event.target.value)}
                onBlur={() => blur('jsDomains')}
              />
            )}
          </FormField>
          {form.otherIssues.map((message) => (
            <p key={message.en} className="field-issue" role="alert">
              {localize(message)}
            </p>
          ))}
          {form.formError && <ErrorCallout error={form.formError} />}
        </div>
        <div className="dialog-actions">
          <span className="hint dialog-shortcut">{t('form.sendHint')}</span>
          <button type="submit" className="primary" aria-busy={form.submitting || undefined}>
            {form.submitting ? t('form.saving') : t('form.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
