import { useTranslation } from 'react-i18next'
import type { LanguagePreference, ThemePreference } from '../../../../shared/contract'
import { usePreferencesStore } from './preferences-store'
import { PreferenceSelect } from './preference-select'
import { savePreferences } from './preference-commands'
import './settings.css'

const LANGUAGES: readonly LanguagePreference[] = ['system', 'en', 'zh-CN']
const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark']
/** Each language is named in itself, so it can be found whatever the current one is. */
const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '中文' } as const

export function AppHeader() {
  const { t } = useTranslation(['settings', 'common'])
  const language = usePreferencesStore((state) => state.preferences.language)
  const theme = usePreferencesStore((state) => state.preferences.theme)

  return (
    <header className="app-header">
      <span className="brand">{t('common:title')}</span>
      <div className="header-controls">
        <PreferenceSelect
          label={t('language')}
          value={language}
          choices={LANGUAGES}
          labelOf={(choice) => (choice === 'system' ? t('system') : LANGUAGE_NAMES[choice])}
          onChoose={(choice) => void savePreferences({ language: choice })}
        />
        <PreferenceSelect
          label={t('theme')}
          value={theme}
          choices={THEMES}
          labelOf={(choice) => t(`${choice}`)}
          onChoose={(choice) => void savePreferences({ theme: choice })}
        />
      </div>
    </header>
  )
}
