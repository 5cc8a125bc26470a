import { useId } from 'react'
import { ChoiceSelect } from '../../components/choice-select'

export interface PreferenceSelectProps<V extends string> {
  label: string
  value: V
  choices: readonly V[]
  labelOf: (choice: V) => string
  onChoose: (choice: V) => void
}

/** A header select with its visible label beside it. */
export function PreferenceSelect<V extends string>({ label, ...select }: PreferenceSelectProps<V>) {
  const id = useId()
  return (
    <div className="preference">
      <label htmlFor={id}>{label}</label>
      <ChoiceSelect id={id} {...select} />
    </div>
  )
}
