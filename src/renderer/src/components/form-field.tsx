import { useState, type ReactNode } from 'react'
import type { Localized } from '../../../shared/result'
import { useLocalize } from '../lib/use-localize'
import { ChoiceSelect, type ChoiceSelectProps } from './choice-select'

/** A field's problem as the form shows it. */
export interface ShownIssue {
  message: Localized
  /** True for main's verdict (announced), false for a typing hint. */
  fromMain: boolean
}

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
  /** What the form changed in the value (normalised), said without alarm. */
  note?: string | null
  issue: ShownIssue | null
  children: (control: ControlProps) => ReactNode
}

/** A visible label, the control, an optional hint, and the field's issue linked with aria-describedby. */
export function FormField({ id, label, hint, note = null, issue, children }: FormFieldProps) {
  const localize = useLocalize()
  const hintId = `${id}-hint`
  const issueId = `${id}-issue`
  const noteId = `${id}-note`
  const describedBy =
    [issue ? issueId : null, note ? noteId : null, hint ? hintId : null].filter(Boolean).join(' ') ||
    undefined
  return (
    <div className={issue ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': issue !== null, 'aria-describedby': describedBy })}
      {issue && (
        <p id={issueId} className="field-issue" role={issue.fromMain ? 'alert' : undefined}>
          {localize(issue.message)}
        </p>
      )}
      {note && (
        <p id={noteId} className="field-note" role="status">
          {note}
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

export interface TextFieldProps extends Omit<FormFieldProps, 'children'> {
  type: 'text' | 'url' | 'password'
  /** Monospace and never spell-checked: for identifiers, keys and addresses. */
  mono?: boolean
  placeholder?: string
  inputMode?: 'url'
  value: string
  readOnly?: boolean
  onChange: (value: string) => void
  onBlur?: () => void
  /** A password field with a Show / Hide toggle: the names of the toggle's two states. */
  reveal?: { show: string; hide: string }
}

/**
 * A FormField around one input; a password field never offers a saved password (`new-password`) and may be
 * shown while typing (`reveal`), so a pasted secret can be checked by eye.
 */
export function TextField({
  type,
  mono = false,
  placeholder,
  inputMode,
  value,
  readOnly = false,
  onChange,
  onBlur,
  reveal,
  ...field
}: TextFieldProps) {
  const [shown, setShown] = useState(false)
  const input = (control: ControlProps) => (
    <input
      {...control}
      type={type === 'password' && shown ? 'text' : type}
      className={mono ? 'mono' : undefined}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
      spellCheck={mono ? false : undefined}
      placeholder={placeholder}
      inputMode={inputMode}
      value={value}
      readOnly={readOnly}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
    />
  )
  return (
    <FormField {...field}>
      {(control) =>
        reveal && type === 'password' ? (
          <div className="field-row">
            {input(control)}
            <button
              type="button"
              aria-label={shown ? reveal.hide : reveal.show}
              onClick={() => setShown((current) => !current)}
            >
              {shown ? reveal.hide : reveal.show}
            </button>
          </div>
        ) : (
          input(control)
        )
      }
    </FormField>
  )
}

export type ChoiceFieldProps<V extends string> = Omit<FormFieldProps, 'children'> &
  Pick<ChoiceSelectProps<V>, 'value' | 'choices' | 'labelOf' | 'onChoose'>

/** A FormField around a ChoiceSelect. */
export function ChoiceField<V extends string>({
  value,
  choices,
  labelOf,
  onChoose,
  ...field
}: ChoiceFieldProps<V>) {
  return (
    <FormField {...field}>
      {(control) => (
        <ChoiceSelect {...control} value={value} choices={choices} labelOf={labelOf} onChoose={onChoose} />
      )}
    </FormField>
  )
}
