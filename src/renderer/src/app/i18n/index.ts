import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_NAMESPACE, en, resources } from './resources'

/** The renderer's one i18next instance; resources are bundled, so it is ready synchronously. */
export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources,
  ns: Object.keys(en),
  defaultNS: DEFAULT_NAMESPACE,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
  react: { useSuspense: false }
})
