import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Localized } from '../../../shared/result'
import { asUiLanguage, type UiLanguage } from './language'

/** The interface language currently shown. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation()
  return asUiLanguage(i18n.language)
}

/** Picks the current language's text from a `Localized` value sent by main. */
export function useLocalize(): (value: Localized) => string {
  const language = useUiLanguage()
  return useCallback((value: Localized) => value[language], [language])
}
