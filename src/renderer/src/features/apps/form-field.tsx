import type { ReactNode } from 'react'
import { useLocalize } from '../../i18n/use-localize'
import type { ShownIssue } from './use-app-form'

/** What a field's control needs to be labelled and described. */
export interface ControlProps {
  id: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
}

export interface FormFieldProps {
  id: string
  label: string
  hint?: string
  issue: ShownIssue | null
  children: (control: ControlProps) => ReactNode
}

/** A visible label, the control, an optional hint, and the field's issue linked with aria-describedby. */
export function FormField({ id, label, hint, issue, children }: FormFieldProps) {
  const localize = useLocalize()
  const hintId = `${id}-hint`
  const issueId = `${id}-issue`
  const describedBy = [issue ? issueId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={issue ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': issue !== null, 'aria-describedby': describedBy })}
      {issue && (
        <p id={issueId} className="field-issue" role={issue.fromMain ? 'alert' : undefined}>
          {localize(issue.message)}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  )
}
