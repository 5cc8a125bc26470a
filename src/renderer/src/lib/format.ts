import type { UiLanguage } from './language'

const clockFormats = new Map<UiLanguage, Intl.DateTimeFormat>()
const numberFormats = new Map<UiLanguage, Intl.NumberFormat>()

function cached(
  cache: Map<UiLanguage, Intl.DateTimeFormat>,
  language: UiLanguage,
  options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
  let format = cache.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language, options)
    cache.set(language, format)
  }
  return format
}

/** Local wall-clock time with seconds, e.g. `14:05:09`. */
export function formatClock(ms: number, language: UiLanguage): string {
  return cached(clockFormats, language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  }).format(ms)
}

const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Local date and time, ISO-like in every language (`2026-11-22 14:05:09`): `12/01/2026` reads as December to
 * some readers and January to others. The same in every language, so callers may leave the language out.
 */
export function formatDateTime(ms: number, _language?: UiLanguage): string {
  const d = new Date(ms)
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** A count with the reader's digit grouping: `500,000`, never `500000`. */
export function formatNumber(value: number, language: UiLanguage): string {
  let format = numberFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(language)
    numberFormats.set(language, format)
  }
  return format.format(value)
}

/** A countdown in seconds as `h:mm:ss` or `m:ss`; language-neutral on purpose. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds))
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m)
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** Whole seconds from `now` until `at` (never negative). */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000))
}
