import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { EnvBadge, NoSecretBadge, SandboxBadge } from './app-badges'
import { useAppName } from './app-name'

export interface AppListItemProps {
  app: AppView
  selected: boolean
  /** The list is one Tab stop (arrow keys move in it): only this item takes Tab focus. */
  tabbable: boolean
  onSelect: (id: string) => void
}

export function AppListItem({ app, selected, tabbable, onSelect }: AppListItemProps) {
  const { t } = useTranslation('apps')
  const nameOf = useAppName()
  return (
    <button
      type="button"
      className={`sidebar-item app-item app-item-${app.env}`}
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onSelect(app.id)}
    >
      <span className="app-item-name">{nameOf(app)}</span>
      <span className="app-item-meta">
        <EnvBadge env={app.env} />
        <span className="app-item-kind">{t(`kind.${app.kind}`)}</span>
        {app.isSandbox && <SandboxBadge />}
        {!app.hasSecret && !app.isSandbox && <NoSecretBadge />}
      </span>
    </button>
  )
}
