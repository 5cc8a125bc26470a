import { create } from 'zustand'
import type {
  PushActivity,
  PushAttempt,
  PushConfigDraft,
  PushConfigView,
  PushHistoryEntry,
  PushSecret,
  PushState,
  TemplateId
} from '../../../../shared/contract'
import type { DeskError, FieldIssue } from '../../../../shared/result'

/** Where a failed action's error is shown. */
export type PushArea = 'config' | 'run' | 'compose' | 'history'

/** The last successful action worth a word, kept as data so it re-renders in the current language. */
export type PushNotice =
  | { kind: 'saved' }
  | { kind: 'key-generated' }
  | { kind: 'secret-copied'; secret: PushSecret }
  | { kind: 'curl-copied' }
  | { kind: 'history-cleared' }

/** The 服务器配置 as typed. The secret fields hold only what is typed now: '' keeps the saved one. */
export type PushConfigForm = Required<PushConfigDraft>

/** The message being prepared: a template, its field values, the raw body and how to send it. */
export interface PushComposer {
  template: TemplateId | null
  /** Only the fields the user changed; the rest keep the template's sample values. */
  values: Record<string, string>
  body: string
  /** The raw body was edited by hand: field changes no longer rewrite it. */
  edited: boolean
  retry: boolean
}

/** A verification or push on its way, with its deliveries as each one ends. */
export interface PushRun {
  kind: 'verify' | 'send'
  /** When the delivery now under way started, on this machine's clock (for its elapsed time). */
  waitingSince: number
  retry: boolean
  /** Known from the first delivery's report on. */
  entryId: string | null
  attempts: PushAttempt[]
}

export interface PushUiState {
  /** The app the push tab shows; activity of other apps is theirs. */
  profileId: string | null
  /** The app's configuration (masked), templates and history, as main last sent them. */
  state: PushState | null
  form: PushConfigForm | null
  /** The configuration's problems, per field, from main's last check. */
  issues: FieldIssue[]
  composer: PushComposer
  /** The entry shown in detail; null = the newest. */
  selectedEntryId: string | null
  /** The command running now, e.g. `save`. */
  busy: string | null
  run: PushRun | null
  errors: Partial<Record<PushArea, DeskError>>
  notice: PushNotice | null
}

const emptyComposer: PushComposer = { template: null, values: {}, body: '', edited: false, retry: false }

export const initialPushUiState: PushUiState = {
  profileId: null,
  state: null,
  form: null,
  issues: [],
  composer: emptyComposer,
  selectedEntryId: null,
  busy: null,
  run: null,
  errors: {},
  notice: null
}

export const usePushStore = create<PushUiState>()(() => initialPushUiState)

/** The form as the saved configuration fills it: nothing typed into the secret fields. */
export function formOf(config: PushConfigView): PushConfigForm {
  return {
    url: config.url,
    token: '',
    encodingAesKey: '',
    mode: config.mode,
    format: config.format,
    accountId: config.accountId,
    openid: config.openid
  }
}

/** Whether the form holds something the saved configuration does not. */
export function isFormDirty(state: Pick<PushUiState, 'form' | 'state'>): boolean {
  const { form } = state
  const config = state.state?.config
  if (!form || !config) return false
  const saved = formOf(config)
  return (Object.keys(saved) as (keyof PushConfigForm)[]).some((key) => form[key] !== saved[key])
}

/** A fresh start for another app: main's answer for it is awaited. */
export function showPushApp(profileId: string): void {
  if (usePushStore.getState().profileId === profileId) return
  usePushStore.setState({ ...initialPushUiState, profileId })
}

/** Main's state for the app shown: the form follows the saved configuration, the composer its templates. */
export function receivePushState(state: PushState): void {
  usePushStore.setState((current) => {
    if (current.profileId !== state.config.profileId) return current
    const templates = state.templates.map((t) => t.id)
    const keep = current.composer.template !== null && templates.includes(current.composer.template)
    return {
      state,
      form: current.form ?? formOf(state.config),
      composer: keep ? current.composer : { ...emptyComposer, template: templates[0] ?? null }
    }
  })
}

/** A saved configuration: the form starts again from it. */
export function receivePushConfig(config: PushConfigView): void {
  usePushStore.setState((current) =>
    current.state === null || current.profileId !== config.profileId
      ? current
      : { state: { ...current.state, config }, form: formOf(config), issues: [] }
  )
}

const withEntry = (history: PushHistoryEntry[], entry: PushHistoryEntry): PushHistoryEntry[] => [
  entry,
  ...history.filter((e) => e.id !== entry.id)
]

/** main's push: a delivery of the running verification or push ended, or an entry is finished. */
export function receivePushActivity(activity: PushActivity): void {
  usePushStore.setState((current) => {
    if (activity.profileId !== current.profileId) return current
    if (activity.type === 'attempt') {
      const { run } = current
      if (run === null || (run.entryId !== null && run.entryId !== activity.entryId)) return current
      return {
        run: {
          ...run,
          entryId: activity.entryId,
          attempts: [...run.attempts, activity.attempt],
          waitingSince: Date.now()
        }
      }
    }
    if (current.state === null) return current
    return {
      state: { ...current.state, history: withEntry(current.state.history, activity.entry) },
      selectedEntryId: activity.entry.id
    }
  })
}

/** An entry a call answered with (its event may have come first, or not at all). */
export function receivePushEntry(profileId: string, entry: PushHistoryEntry): void {
  usePushStore.setState((current) =>
    current.state === null || current.profileId !== profileId
      ? current
      : {
          state: { ...current.state, history: withEntry(current.state.history, entry) },
          selectedEntryId: entry.id
        }
  )
}

export function setPushHistory(profileId: string, history: PushHistoryEntry[]): void {
  usePushStore.setState((current) =>
    current.state === null || current.profileId !== profileId
      ? current
      : { state: { ...current.state, history }, selectedEntryId: null }
  )
}

export function editPushForm(patch: Partial<PushConfigForm>): void {
  usePushStore.setState((current) => (current.form ? { form: { ...current.form, ...patch } } : current))
}

export function setPushIssues(issues: FieldIssue[]): void {
  usePushStore.setState({ issues })
}

/** Another template: its sample values, a body composed afresh. */
export function chooseTemplate(template: TemplateId): void {
  usePushStore.setState((current) => ({
    composer: { ...current.composer, template, values: {}, body: '', edited: false }
  }))
}

export function setFieldValue(name: string, value: string): void {
  usePushStore.setState((current) => ({
    composer: { ...current.composer, values: { ...current.composer.values, [name]: value } }
  }))
}

/** A body composed from the fields; ignored once the body was edited by hand, unless `force`. */
export function receiveComposedBody(body: string, force = false): void {
  usePushStore.setState((current) =>
    current.composer.edited && !force ? current : { composer: { ...current.composer, body, edited: false } }
  )
}

export function editBody(body: string): void {
  usePushStore.setState((current) => ({ composer: { ...current.composer, body, edited: true } }))
}

export function setRetry(retry: boolean): void {
  usePushStore.setState((current) => ({ composer: { ...current.composer, retry } }))
}

export function selectPushEntry(id: string | null): void {
  usePushStore.setState({ selectedEntryId: id })
}

export function startPushRun(kind: PushRun['kind'], retry: boolean): void {
  usePushStore.setState({ run: { kind, waitingSince: Date.now(), retry, entryId: null, attempts: [] } })
}

export function endPushRun(): void {
  usePushStore.setState({ run: null })
}

export function setPushError(area: PushArea, error: DeskError | null): void {
  usePushStore.setState((state) => ({ errors: { ...state.errors, [area]: error ?? undefined } }))
}

export function setPushBusy(busy: string | null): void {
  usePushStore.setState({ busy })
}

export function setPushNotice(notice: PushNotice | null): void {
  usePushStore.setState({ notice })
}
