import type { PushConfigDraft, PushSecret } from '../../../../shared/contract'
import type { DeskError, Result } from '../../../../shared/result'
import { callDesk, isFieldError } from '../../lib/desk'
import {
  endPushRun,
  isFormDirty,
  receiveComposedBody,
  receivePushConfig,
  receivePushEntry,
  receivePushState,
  setPushBusy,
  setPushError,
  setPushHistory,
  setPushIssues,
  setPushNotice,
  startPushRun,
  usePushStore,
  type PushArea,
  type PushNotice
} from './push-store'

/** Runs a call as `busy`, routes its failure to `area`'s error slot, and clears that slot on success. */
async function run<T>(
  busy: string,
  area: PushArea,
  call: () => Promise<Result<T>>,
  notice?: PushNotice
): Promise<T | null> {
  setPushBusy(busy)
  setPushNotice(null)
  const result = await call()
  setPushBusy(null)
  if (!result.ok) {
    setPushError(area, result.error)
    return null
  }
  setPushError(area, null)
  if (notice) setPushNotice(notice)
  return result.value
}

/** The app shown by the push tab, or null when none is. */
const shownApp = (): string | null => usePushStore.getState().profileId

export async function loadPushState(profileId: string): Promise<void> {
  const result = await callDesk((desk) => desk.getPushState({ id: profileId }))
  if (result.ok) receivePushState(result.value)
  else setPushError('history', result.error)
}

/** The form as a draft for main: empty secret fields are left out, so the saved ones stay. */
function draftOfForm(): PushConfigDraft | null {
  const { form } = usePushStore.getState()
  if (!form) return null
  const { token, encodingAesKey, ...rest } = form
  return {
    ...rest,
    ...(token === '' ? {} : { token }),
    ...(encodingAesKey.trim() === '' ? {} : { encodingAesKey })
  }
}

/** Saves the form; a refusal naming fields goes under those fields. Resolves to whether it was saved. */
export async function saveConfig(): Promise<boolean> {
  const id = shownApp()
  const draft = draftOfForm()
  if (id === null || draft === null) return false
  setPushBusy('save')
  setPushNotice(null)
  const result = await callDesk((desk) => desk.savePushConfig({ id, draft }))
  setPushBusy(null)
  if (result.ok) {
    receivePushConfig(result.value)
    setPushError('config', null)
    setPushNotice({ kind: 'saved' })
    return true
  }
  if (isFieldError(result.error)) {
    setPushIssues(result.error.issues ?? [])
    setPushError('config', null)
  } else setPushError('config', result.error)
  return false
}

/** Verify and Send use the saved configuration: unsaved changes are saved first. */
async function saveIfDirty(): Promise<boolean> {
  return isFormDirty(usePushStore.getState()) ? saveConfig() : true
}

export async function generateAesKey(): Promise<void> {
  const id = shownApp()
  if (id === null) return
  const config = await run('generate', 'config', () => callDesk((desk) => desk.generatePushAesKey({ id })), {
    kind: 'key-generated'
  })
  if (config) {
    // A key typed but not saved would override the new one on the next save.
    const { form } = usePushStore.getState()
    receivePushConfig(config)
    if (form) usePushStore.setState({ form: { ...form, encodingAesKey: '' } })
  }
}

export async function copySecret(secret: PushSecret): Promise<void> {
  const id = shownApp()
  if (id === null) return
  await run(`copy-${secret}`, 'config', () => callDesk((desk) => desk.copyPushSecret({ id, secret })), {
    kind: 'secret-copied',
    secret
  })
}

/** Composes the body from the template and fields again, even over a body edited by hand. */
export async function rebuildBody(): Promise<void> {
  const { profileId: id, composer, form } = usePushStore.getState()
  if (id === null || composer.template === null || form === null) return
  const { template, values } = composer
  const composed = await run('compose', 'compose', () =>
    callDesk((desk) =>
      desk.composePush({
        id,
        template,
        values,
        format: form.format,
        accountId: form.accountId,
        openid: form.openid
      })
    )
  )
  if (composed) receiveComposedBody(composed.body, true)
}

/** A failed verification or push: field problems go under the configuration's fields. */
function runFailed(error: DeskError): void {
  if (isFieldError(error)) setPushIssues(error.issues ?? [])
  else setPushError('run', error)
}

export async function verifyUrl(): Promise<void> {
  const id = shownApp()
  const { busy, run: running } = usePushStore.getState()
  if (id === null || busy !== null || running !== null) return
  if (!(await saveIfDirty())) return
  setPushNotice(null)
  setPushError('run', null)
  startPushRun('verify', false)
  const result = await callDesk((desk) => desk.verifyPushUrl({ id }))
  endPushRun()
  if (result.ok) receivePushEntry(id, result.value)
  else runFailed(result.error)
}

/** Sends the raw body as it stands, with WeChat's retries when the box is ticked. */
export async function sendPush(): Promise<void> {
  const id = shownApp()
  const { busy, run: running, composer } = usePushStore.getState()
  if (id === null || busy !== null || running !== null) return
  if (!(await saveIfDirty())) return
  setPushNotice(null)
  setPushError('run', null)
  startPushRun('send', composer.retry)
  const result = await callDesk((desk) =>
    desk.sendPush({ id, body: composer.body, template: composer.template, retry: composer.retry })
  )
  endPushRun()
  if (result.ok) receivePushEntry(id, result.value)
  else runFailed(result.error)
}

export async function copyCurl(entryId: string): Promise<void> {
  const id = shownApp()
  if (id === null) return
  await run('copy-curl', 'history', () => callDesk((desk) => desk.copyPushCurl({ id, entryId })), {
    kind: 'curl-copied'
  })
}

export async function clearHistory(): Promise<void> {
  const id = shownApp()
  if (id === null) return
  const history = await run(
    'clear-history',
    'history',
    () => callDesk((desk) => desk.clearPushHistory({ id })),
    { kind: 'history-cleared' }
  )
  if (history) setPushHistory(id, history)
}
