import { createHash } from 'node:crypto'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text made safe inside HTML, element content and quoted attributes alike. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)

/**
 * The Content-Security-Policy of a page with no script, no image, no frame and one inline stylesheet,
 * allowed by its hash; `extra` directives are appended.
 */
export function styleOnlyCsp(style: string, extra: readonly string[] = []): string {
  const hash = createHash('sha256').update(style).digest('base64')
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "base-uri 'none'",
    ...extra,
    "frame-ancestors 'none'"
  ].join('; ')
}
