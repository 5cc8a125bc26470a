import { useState } from 'react'
import type { DeskError, Localized } from '../../../../shared/result'
import type { AppView } from '../../../../shared/contract'
import type { ShownIssue } from '../../components/form-field'
import { isFieldError } from '../../lib/desk'
import { saveApp } from './app-commands'
import {
  hintFor,
  initialValues,
  normalizeCredential,
  sortIssues,
  toDraft,
  type AppField,
  type AppFormValues
} from './app-form-model'

/** The fields whose pasted values are normalised (and the form says so) instead of refused. */
const NORMALIZED = ['appId', 'secret'] as const
type NormalizedField = (typeof NORMALIZED)[number]
const isNormalized = (field: AppField): field is NormalizedField =>
  (NORMALIZED as readonly AppField[]).includes(field)

export interface AppForm {
  values: AppFormValues
  change: <F extends AppField>(field: F, value: AppFormValues[F]) => void
  blur: (field: AppField) => void
  issueFor: (field: AppField) => ShownIssue | null
  /** What the form adjusted in a field's value (spaces, `WX`, upper-case hex). */
  noteFor: (field: AppField) => Localized | null
  /** A failure that belongs to no field. */
  formError: DeskError | null
  otherIssues: Localized[]
  submitting: boolean
  /** Increments on every rejected submit, so the dialog can move focus to the first invalid field. */
  rejectedCount: number
  submit: () => Promise<void>
}

/** Form state for adding (`app` undefined) or editing an app. Nothing typed is lost when main rejects it. */
export function useAppForm(app: AppView | undefined, onSaved: (app: AppView) => void): AppForm {
  const [values, setValues] = useState(() => initialValues(app))
  const [touched, setTouched] = useState<ReadonlySet<AppField>>(() => new Set())
  const [mainIssues, setMainIssues] = useState<Partial<Record<AppField, Localized>>>({})
  const [otherIssues, setOtherIssues] = useState<Localized[]>([])
  const [formError, setFormError] = useState<DeskError | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [rejectedCount, setRejectedCount] = useState(0)
  const [notes, setNotes] = useState<Partial<Record<NormalizedField, Localized>>>({})

  /** Applies the normalisation of `field` to `current`, noting what changed. */
  const normalized = (current: AppFormValues, field: NormalizedField): AppFormValues => {
    const { value, note } = normalizeCredential(field, current[field])
    if (note) setNotes((shown) => ({ ...shown, [field]: note }))
    return value === current[field] ? current : { ...current, [field]: value }
  }

  const change = <F extends AppField>(field: F, value: AppFormValues[F]): void => {
    setValues((current) => ({ ...current, [field]: value }))
    if (isNormalized(field)) setNotes((shown) => ({ ...shown, [field]: undefined }))
    // Once the user edits a field, main's verdict on the old value no longer applies.
    setMainIssues((current) => (current[field] ? { ...current, [field]: undefined } : current))
  }

  const blur = (field: AppField): void => {
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)))
    if (isNormalized(field)) setValues(normalized(values, field))
  }

  const issueFor = (field: AppField): ShownIssue | null => {
    const fromMain = mainIssues[field]
    if (fromMain) return { message: fromMain, fromMain: true }
    const hint = touched.has(field) ? hintFor(field, values) : null
    return hint ? { message: hint, fromMain: false } : null
  }

  const submit = async (): Promise<void> => {
    if (submitting) return
    setSubmitting(true)
    const sent = NORMALIZED.reduce(normalized, values)
    setValues(sent)
    const result = await saveApp(toDraft(sent, app), app?.id)
    setSubmitting(false)
    if (result.ok) {
      onSaved(result.value)
      return
    }
    const { error } = result
    if (isFieldError(error)) {
      const sorted = sortIssues(error.issues ?? [])
      setMainIssues(sorted.byField)
      setOtherIssues(sorted.other)
      setFormError(null)
    } else {
      setMainIssues({})
      setOtherIssues([])
      setFormError(error)
    }
    setRejectedCount((count) => count + 1)
  }

  const noteFor = (field: AppField): Localized | null => (isNormalized(field) ? (notes[field] ?? null) : null)

  return {
    values,
    change,
    blur,
    issueFor,
    noteFor,
    formError,
    otherIssues,
    submitting,
    rejectedCount,
    submit
  }
}
