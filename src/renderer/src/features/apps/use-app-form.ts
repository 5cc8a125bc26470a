import { useState } from 'react'
import type { DeskError, Localized } from '../../../../shared/result'
import type { AppView } from '../../../../shared/contract'
import { isFieldError } from '../../lib/desk'
import { saveApp } from './app-commands'
import {
  hintFor,
  initialValues,
  sortIssues,
  toDraft,
  type AppField,
  type AppFormValues
} from './app-form-model'

export interface ShownIssue {
  message: Localized
  /** True for main's verdict (announced), false for a typing hint. */
  fromMain: boolean
}

export interface AppForm {
  values: AppFormValues
  change: <F extends AppField>(field: F, value: AppFormValues[F]) => void
  blur: (field: AppField) => void
  issueFor: (field: AppField) => ShownIssue | null
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

  const change = <F extends AppField>(field: F, value: AppFormValues[F]): void => {
    setValues((current) => ({ ...current, [field]: value }))
    // Once the user edits a field, main's verdict on the old value no longer applies.
    setMainIssues((current) => (current[field] ? { ...current, [field]: undefined } : current))
  }

  const blur = (field: AppField): void => {
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)))
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
    const result = await saveApp(toDraft(values, app), app?.id)
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

  return { values, change, blur, issueFor, formError, otherIssues, submitting, rejectedCount, submit }
}
