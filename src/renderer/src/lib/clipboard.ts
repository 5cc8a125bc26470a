/**
 * Copies text that is no secret (an IP to whitelist, a rid, a command with placeholders) straight from the
 * window. Tokens and keys never pass through here: main copies those, so they never reach the page.
 * The async Clipboard API refuses while the document lacks focus; the copy command, run in the press that
 * asked for it, does not.
 */
export async function copyPlainText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return copyWithCommand(text)
  }
}

function copyWithCommand(text: string): boolean {
  const scratch = document.createElement('textarea')
  scratch.value = text
  scratch.setAttribute('readonly', '')
  scratch.className = 'sr-only'
  const restore = document.activeElement instanceof HTMLElement ? document.activeElement : null
  document.body.append(scratch)
  scratch.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    scratch.remove()
    restore?.focus()
  }
}
