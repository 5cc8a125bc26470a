/** Ctrl on Windows/Linux, ⌘ on macOS: either counts, so docs can say "Ctrl/⌘". */
const hasCommandKey = (event: KeyboardEvent): boolean => event.ctrlKey || event.metaKey

export function isShortcut(event: KeyboardEvent, key: string, options: { shift?: boolean } = {}): boolean {
  return (
    hasCommandKey(event) &&
    !event.altKey &&
    event.shiftKey === (options.shift ?? false) &&
    event.key.toLowerCase() === key.toLowerCase()
  )
}

/** Ctrl/⌘+Enter: sends the form being filled in (Postman's habit). */
export const isSubmitShortcut = (event: KeyboardEvent): boolean =>
  hasCommandKey(event) && !event.altKey && !event.shiftKey && event.key === 'Enter'
