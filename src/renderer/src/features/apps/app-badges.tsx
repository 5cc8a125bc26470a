import { useTranslation } from 'react-i18next'
import type { EnvTag } from '../../../../shared/contract'

/** dev and test stay quiet; prod is loud on purpose. */
export function EnvBadge({ env }: { env: EnvTag }) {
  const { t } = useTranslation('apps')
  return <span className={`badge badge-env-${env}`}>{t(`env.${env}`)}</span>
}

export function SandboxBadge() {
  const { t } = useTranslation('apps')
  return <span className="badge badge-sandbox">{t('sandbox')}</span>
}

export function NoSecretBadge() {
  const { t } = useTranslation('apps')
  return <span className="badge badge-warning">{t('noSecret')}</span>
}
