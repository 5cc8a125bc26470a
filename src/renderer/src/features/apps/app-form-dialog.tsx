import { useEffect, useId, useRef, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { APP_KINDS, DEFAULT_API_BASE, ENV_TAGS, TOKEN_MODES, type AppView } from '../../../../shared/types'
import { ChoiceSelect } from '../../components/choice-select'
import { ErrorCallout } from '../../components/error-callout'
import { Modal } from '../../components/modal'
import { useLocalize } from '../../i18n/use-localize'
import type { AppField } from './app-form-model'
import { FormField } from './form-field'
import { useAppForm } from './use-app-form'

/** The sandbox always talks to the emulator, so it cannot read its token from another 中控. */
const SANDBOX_MODES = TOKEN_MODES.filter((mode) => mode !== 'remote')

export interface AppFormDialogProps {
  /** The app to edit; absent to add one. */
  app?: AppView
  onClose: () => void
}

export function AppFormDialog({ app, onClose }: AppFormDialogProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const idBase = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const form = useAppForm(app, onClose)
  const { values, change, blur, issueFor } = form

  useEffect(() => {
    if (form.rejectedCount > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [form.rejectedCount])

  const title = app ? t('form.editTitle') : t('form.addTitle')
  // The sandbox's AppID, secret and address belong to the emulator: main keeps them whatever is sent.
  const bound = app?.isSandbox ?? false
  const boundHint = bound ? t('form.sandboxBound') : undefined
  const idOf = (field: AppField): string => `${idBase}-${field}`
  const remote = values.mode === 'remote'
  const textProps = (field: 'name' | 'appId' | 'secret' | 'apiBase' | 'remoteUrl' | 'remoteKey') => ({
    value: values[field],
    readOnly: bound && field !== 'name',
    onChange: (event: ChangeEvent<HTMLInputElement>) => change(field, event.target.value),
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
        <div className="form-grid">
          <FormField id={idOf('name')} label={t('form.name')} issue={issueFor('name')}>
            {(control) => <input {...control} type="text" autoComplete="off" {...textProps('name')} />}
          </FormField>
          <FormField
            id={idOf('appId')}
            label={t('form.appId')}
            hint={boundHint ?? t('form.appIdHint')}
            issue={issueFor('appId')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                className="mono"
                autoComplete="off"
                spellCheck={false}
                {...textProps('appId')}
              />
            )}
          </FormField>
          <FormField
            id={idOf('secret')}
            label={t('form.secret')}
            hint={
              boundHint ??
              (remote ? t('form.secretRemote') : app ? t('form.secretKeep') : t('form.secretHint'))
            }
            issue={issueFor('secret')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                className="mono"
                autoComplete="new-password"
                placeholder={app?.secretMask ?? undefined}
                {...textProps('secret')}
              />
            )}
          </FormField>
          <FormField id={idOf('kind')} label={t('form.kind')} issue={issueFor('kind')}>
            {(control) => (
              <ChoiceSelect
                {...control}
                value={values.kind}
                choices={APP_KINDS}
                labelOf={(choice) => t(`apps.kind.${choice}`)}
                onChoose={(choice) => change('kind', choice)}
              />
            )}
          </FormField>
          <FormField id={idOf('env')} label={t('form.env')} issue={issueFor('env')}>
            {(control) => (
              <ChoiceSelect
                {...control}
                value={values.env}
                choices={ENV_TAGS}
                labelOf={(choice) => t(`apps.env.${choice}`)}
                onChoose={(choice) => change('env', choice)}
              />
            )}
          </FormField>
          <FormField
            id={idOf('mode')}
            label={t('form.mode')}
            hint={t('form.modeHint')}
            issue={issueFor('mode')}
          >
            {(control) => (
              <ChoiceSelect
                {...control}
                value={values.mode}
                choices={bound ? SANDBOX_MODES : TOKEN_MODES}
                labelOf={(choice) => t(`form.modes.${choice}`)}
                onChoose={(choice) => change('mode', choice)}
              />
            )}
          </FormField>
          {remote && (
            <>
              <FormField
                id={idOf('remoteUrl')}
                label={t('form.remoteUrl')}
                hint={t('form.remoteUrlHint')}
                issue={issueFor('remoteUrl')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="url"
                    className="mono"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="http://127.0.0.1:17180"
                    {...textProps('remoteUrl')}
                  />
                )}
              </FormField>
              <FormField
                id={idOf('remoteKey')}
                label={t('form.remoteKey')}
                hint={app?.hasRemoteKey ? t('form.remoteKeyKeep') : t('form.remoteKeyHint')}
                issue={issueFor('remoteKey')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="password"
                    className="mono"
                    autoComplete="new-password"
                    {...textProps('remoteKey')}
                  />
                )}
              </FormField>
            </>
          )}
          <FormField
            id={idOf('apiBase')}
            label={t('form.apiBase')}
            hint={boundHint ?? t('form.apiBaseHint')}
            issue={issueFor('apiBase')}
          >
            {(control) => (
              <input
                {...control}
                type="url"
                className="mono"
                autoComplete="off"
                spellCheck={false}
                placeholder={DEFAULT_API_BASE}
                {...textProps('apiBase')}
              />
            )}
          </FormField>
          <FormField
            id={idOf('oauthDomains')}
            label={t('form.oauthDomains')}
            hint={t('form.oauthDomainsHint')}
            issue={issueFor('oauthDomains')}
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
        </div>
        {form.otherIssues.map((message) => (
          <p key={message.en} className="field-issue" role="alert">
            {localize(message)}
          </p>
        ))}
        {form.formError && <ErrorCallout error={form.formError} />}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={form.submitting}>
            {t('form.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
