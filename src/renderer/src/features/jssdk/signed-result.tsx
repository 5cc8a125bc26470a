import { useTranslation } from 'react-i18next'
import type { JssdkFinding, JssdkSigned } from '../../../../shared/contract'
import { useLocalize } from '../../lib/use-localize'

/** The checks on what was typed, each with its level. */
export function FindingList({ findings }: { findings: readonly JssdkFinding[] }) {
  const { t } = useTranslation('jssdk')
  const localize = useLocalize()
  if (findings.length === 0) return null
  return (
    <ul className="jssdk-findings" aria-label={t('sign.findings')}>
      {findings.map((finding) => (
        <li key={finding.rule} className={`jssdk-finding jssdk-finding-${finding.level}`}>
          <strong>{t(`sign.levels.${finding.level}`)}</strong> {localize(finding.message)}
        </li>
      ))}
    </ul>
  )
}

/** A signed string and its SHA-1, as text a reader can select. */
export function SignedFacts({ signed, label }: { signed: JssdkSigned; label?: string }) {
  const { t } = useTranslation('jssdk')
  return (
    <dl className="jssdk-facts" aria-label={label}>
      <dt>{t('sign.string')}</dt>
      <dd>
        <code className="mono jssdk-break">{signed.signed}</code>
      </dd>
      <dt>{t('sign.signature')}</dt>
      <dd>
        <output className="mono">{signed.signature}</output>
      </dd>
    </dl>
  )
}
