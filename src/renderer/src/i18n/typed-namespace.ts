/**
 * A feature's own strings as an i18next namespace on the renderer's one instance (so they switch language
 * with everything else), with typed lookups: the main `translation` namespace's types stay untouched.
 */
import { i18n } from './index'
import type { UiLanguage } from '../lib/language'

/** Every string of a table, as a dotted key (`link.build`, `auth.sexes.0` …). */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

export type TextVars = Record<string, string | number>

export type NamespaceText<T> = (language: UiLanguage, key: Leaves<T>, vars?: TextVars) => string

function lookup(table: unknown, key: string): string {
  let node: unknown = table
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined
  }
  return typeof node === 'string' ? node : key
}

/**
 * Registers `tables` as `namespace` and returns the typed lookup: the string for a key in a language, with
 * `{{name}}` placeholders filled from `vars`.
 */
export function registerNamespace<T extends object>(
  namespace: string,
  tables: Record<UiLanguage, T>
): NamespaceText<T> {
  i18n.addResourceBundle('en', namespace, tables.en, true, true)
  i18n.addResourceBundle('zh-CN', namespace, tables['zh-CN'], true, true)
  return (language, key, vars = {}) =>
    lookup(tables[language], key).replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
      Object.hasOwn(vars, name) ? String(vars[name]) : whole
    )
}
