import type { SelectHTMLAttributes } from 'react'

export interface ChoiceSelectProps<V extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange'
> {
  value: V
  choices: readonly V[]
  labelOf: (choice: V) => string
  onChoose: (choice: V) => void
}

/** A native select over a fixed list of string literals; hands back the typed value, never a bare string. */
export function ChoiceSelect<V extends string>({
  value,
  choices,
  labelOf,
  onChoose,
  ...rest
}: ChoiceSelectProps<V>) {
  return (
    <select
      {...rest}
      value={value}
      onChange={(event) => {
        const chosen = choices.find((choice) => choice === event.target.value)
        if (chosen !== undefined) onChoose(chosen)
      }}
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {labelOf(choice)}
        </option>
      ))}
    </select>
  )
}
