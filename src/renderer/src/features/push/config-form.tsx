import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PUSH_FORMATS, PUSH_MODES, type PushConfigView } from '../../../../shared/contract'
import type { FieldIssue } from '../../../../shared/result'
import { ChoiceSelect } from '../../components/choice-select'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { ErrorCallout } from '../../components/error-callout'
import { useLocalize } from '../../lib/use-localize'
import { FormField, TextField } from '../../components/form-field'
import { copySecret, generateAesKey, saveConfig, verifyUrl } from './push-commands'
import { editPushForm, isFormDirty, setPushError, usePushStore, type PushConfigForm } from './push-store'

type FormFieldName = keyof PushConfigForm

const FORM_FIELDS: readonly string[] = [
  'url',
  'token',
  'encodingAesKey',
  'mode',
  'format',
  'accountId',
  'openid'
] satisfies FormFieldName[]

/** main's issue for a field, announced (it comes from a Save, Verify or Send). */
const issueOf = (issues: FieldIssue[], field: FormFieldName) => {
  const found = issues.find((issue) => issue.path === field)
  return found ? { message: found.message, fromMain: true } : null
}

interface SecretFieldProps {
  id: string
  label: string
  hint: string
  mask: string | null
  value: string
  issues: FieldIssue[]
  field: 'token' | 'encodingAesKey'
  onChange: (value: string) => void
  children: ReactNode
}

/** A secret: typed in, never shown back; the saved one appears as its mask, with its buttons beside it. */
function SecretField({ id, label, hint, mask, value, issues, field, onChange, children }: SecretFieldProps) {
  const { t } = useTranslation('push')
  return (
    <FormField
      id={id}
      label={label}
      hint={t('config.hintWithState', {
        hint,
        state: mask === null ? t('config.notSet') : t('config.saved', { mask })
      })}
      issue={issueOf(issues, field)}
    >
      {(control) => (
        <div className="push-row">
          <input
            {...control}
            className="mono push-grow"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            placeholder={mask ?? ''}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          {children}
        </div>
      )}
    </FormField>
  )
}

/** Step 1: the app's 服务器配置, saved in main (secrets encrypted), and the URL verification. */
export function ConfigForm({ config }: { config: PushConfigView }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  const form = usePushStore((state) => state.form)
  const issues = usePushStore((state) => state.issues)
  const busy = usePushStore((state) => state.busy)
  const running = usePushStore((state) => state.run !== null)
  const error = usePushStore((state) => state.errors.config)
  const dirty = usePushStore(isFormDirty)
  const [confirmingKey, setConfirmingKey] = useState(false)
  const headingId = useId()
  const ids = {
    url: useId(),
    token: useId(),
    aesKey: useId(),
    mode: useId(),
    format: useId(),
    accountId: useId(),
    openid: useId()
  }
  if (form === null) return null

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    void saveConfig()
  }
  const otherIssues = issues.filter((issue) => !FORM_FIELDS.includes(issue.path))
  const miniProgram = config.account === 'mini-program'

  return (
    <section className="step" aria-labelledby={headingId}>
      <h3 id={headingId} className="step-heading">
        {t('config.heading')}
      </h3>
      <form className="push-form" onSubmit={onSubmit} noValidate>
        <TextField
          id={ids.url}
          label={t('config.url')}
          hint={t('config.urlHint')}
          issue={issueOf(issues, 'url')}
          type="text"
          inputMode="url"
          mono
          placeholder="http://127.0.0.1:8080/wechat"
          value={form.url}
          onChange={(url) => editPushForm({ url })}
        />
        <div className="push-grid">
          <SecretField
            id={ids.token}
            label={t('config.token')}
            hint={t('config.tokenHint')}
            mask={config.tokenMask}
            value={form.token}
            issues={issues}
            field="token"
            onChange={(token) => editPushForm({ token })}
          >
            <button
              type="button"
              aria-label={t('config.copyToken')}
              disabled={!config.hasToken || busy === 'copy-token'}
              onClick={() => void copySecret('token')}
            >
              {t('config.copy')}
            </button>
          </SecretField>
          <SecretField
            id={ids.aesKey}
            label={t('config.aesKey')}
            hint={t('config.aesKeyHint')}
            mask={config.aesKeyMask}
            value={form.encodingAesKey}
            issues={issues}
            field="encodingAesKey"
            onChange={(encodingAesKey) => editPushForm({ encodingAesKey })}
          >
            <button
              type="button"
              disabled={busy === 'generate'}
              onClick={() => (config.hasAesKey ? setConfirmingKey(true) : void generateAesKey())}
            >
              {t('config.generate')}
            </button>
            <button
              type="button"
              aria-label={t('config.copyAesKey')}
              disabled={!config.hasAesKey || busy === 'copy-encodingAesKey'}
              onClick={() => void copySecret('encodingAesKey')}
            >
              {t('config.copy')}
            </button>
          </SecretField>
          <FormField
            id={ids.mode}
            label={t('config.mode')}
            hint={t(`config.modeHints.${form.mode}`)}
            issue={issueOf(issues, 'mode')}
          >
            {(control) => (
              <ChoiceSelect
                {...control}
                value={form.mode}
                choices={PUSH_MODES}
                labelOf={(mode) => t(`config.modes.${mode}`)}
                onChoose={(mode) => editPushForm({ mode })}
              />
            )}
          </FormField>
          <FormField
            id={ids.format}
            label={t('config.format')}
            hint={t(miniProgram ? 'config.formatHint' : 'config.formatXmlOnly')}
            issue={issueOf(issues, 'format')}
          >
            {(control) =>
              miniProgram ? (
                <ChoiceSelect
                  {...control}
                  value={form.format}
                  choices={PUSH_FORMATS}
                  labelOf={(format) => t(`config.formats.${format}`)}
                  onChoose={(format) => editPushForm({ format })}
                />
              ) : (
                <input {...control} type="text" readOnly value={t('config.formats.xml')} />
              )
            }
          </FormField>
          <TextField
            id={ids.accountId}
            label={t('config.accountId')}
            hint={t('config.accountIdHint')}
            issue={issueOf(issues, 'accountId')}
            type="text"
            mono
            value={form.accountId}
            onChange={(accountId) => editPushForm({ accountId })}
          />
          <TextField
            id={ids.openid}
            label={t('config.openid')}
            hint={t('config.openidHint')}
            issue={issueOf(issues, 'openid')}
            type="text"
            mono
            value={form.openid}
            onChange={(openid) => editPushForm({ openid })}
          />
        </div>
        <dl className="facts push-facts">
          <div>
            <dt>{t('config.appId')}</dt>
            <dd>
              <span className="mono">{config.appId}</span>{' '}
              <span className="hint">{t('config.appIdHint')}</span>
            </dd>
          </div>
        </dl>
        {otherIssues.length > 0 && (
          <div role="alert" className="field-issue">
            {t('config.otherIssues')} {otherIssues.map((issue) => localize(issue.message)).join(' ')}
          </div>
        )}
        <div className="push-row">
          <button type="submit" disabled={busy === 'save'}>
            {t('config.save')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy !== null || running}
            onClick={() => void verifyUrl()}
          >
            {t('config.verify')}
          </button>
          {dirty && <span className="hint">{t('config.unsaved')}</span>}
        </div>
      </form>
      {error && <ErrorCallout error={error} onDismiss={() => setPushError('config', null)} />}
      {confirmingKey && (
        <ConfirmDialog
          title={t('config.replaceKey.title')}
          confirmLabel={t('config.replaceKey.confirm')}
          cancelLabel={t('config.replaceKey.cancel')}
          onConfirm={() => {
            setConfirmingKey(false)
            void generateAesKey()
          }}
          onCancel={() => setConfirmingKey(false)}
        >
          <p>{t('config.replaceKey.body', { mask: config.aesKeyMask ?? '' })}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
