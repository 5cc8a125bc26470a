import type { LanguagePreference } from '../../../shared/contract'

/** The languages the interface is written in. */
export type UiLanguage = 'en' | 'zh-CN'

/** The preference wins; "system" follows the OS language (any Chinese → zh-CN, anything else → English). */
export function resolveLanguage(
  preference: LanguagePreference,
  systemLanguage: string | undefined
): UiLanguage {
  if (preference !== 'system') return preference
  return systemLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function asUiLanguage(language: string | undefined): UiLanguage {
  return language === 'zh-CN' ? 'zh-CN' : 'en'
}
