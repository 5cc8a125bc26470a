/**
 * Copies text that is no secret (an IP to whitelist, a rid, a command with placeholders) straight from the
 * window. Tokens and keys never pass through here: main copies those, so they never reach the page.
 */
export async function copyPlainText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
