import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { resolveLanguage } from '../../lib/language'
import { usePreferencesStore } from './preferences-store'
import { useSystemStore } from './system-store'

/** Puts the language and theme preferences into effect on the document. */
export function useApplyPreferences(): void {
  const language = usePreferencesStore((state) => state.preferences.language)
  const theme = usePreferencesStore((state) => state.preferences.theme)
  const systemLanguage = useSystemStore((state) => state.info?.systemLanguage)
  const uiLanguage = resolveLanguage(language, systemLanguage)
  const { i18n } = useTranslation()

  useEffect(() => {
    document.documentElement.lang = uiLanguage
    void i18n.changeLanguage(uiLanguage)
  }, [i18n, uiLanguage])

  useEffect(() => {
    // No attribute = follow prefers-color-scheme (see app/styles/theme.css).
    if (theme === 'system') document.documentElement.removeAttribute('data-theme')
    else document.documentElement.setAttribute('data-theme', theme)
  }, [theme])
}
