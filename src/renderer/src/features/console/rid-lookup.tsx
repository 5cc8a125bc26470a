import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RidLookup } from '../../../../shared/contract'
import { explainErrcode } from '../../../../shared/errcodes'
import type { DeskError } from '../../../../shared/result'
import { ActionButton } from '../../components/action-button'
import { callDesk } from '../../lib/desk'
import { formatDateTime } from '../../lib/format'
import { useLocalize } from '../../lib/use-localize'
import { useAppsStore } from '../apps/apps-store'

/**
 * "Look up" for an errmsg's rid: what WeChat recorded of that request (`openapi/rid/get`, asked with the
 * selected app's token) — when, which URL, and the client IP it saw, beside this machine's egress address.
 * The definitive answer to a 40164.
 */
export function RidLookupAction({ rid }: { rid: string }) {
  const { t } = useTranslation('console')
  const localize = useLocalize()
  const profileId = useAppsStore((state) => state.selectedId)
  const [busy, setBusy] = useState(false)
  const [found, setFound] = useState<
    { ok: true; lookup: RidLookup } | { ok: false; error: DeskError } | null
  >(null)
  const lookUp = async (): Promise<void> => {
    if (profileId === null) return
    setBusy(true)
    const result = await callDesk((desk) => desk.lookUpRid({ id: profileId, rid }))
    setBusy(false)
    setFound(result.ok ? { ok: true, lookup: result.value } : { ok: false, error: result.error })
  }
  return (
    <div className="rid-lookup">
      <ActionButton
        busy={busy}
        unavailable={profileId === null ? t('doctor.noApp') : null}
        aria-label={t('doctor.lookUpRid', { rid })}
        onClick={() => void lookUp()}
      >
        {t('doctor.lookUp')}
      </ActionButton>
      {found?.ok === false && <p className="field-issue">{localize(found.error.message)}</p>}
      {found?.ok === true && <RidFacts lookup={found.lookup} />}
    </div>
  )
}

function RidFacts({ lookup }: { lookup: RidLookup }) {
  const { t } = useTranslation('console')
  const localize = useLocalize()
  const { request, refusal, egress } = lookup
  if (refusal) {
    const explained = explainErrcode(refusal.errcode, refusal.errmsg, 'other')
    return (
      <p className="field-issue" role="status">
        {refusal.errcode} · {localize(explained.title)} — {localize(explained.fix)}
      </p>
    )
  }
  if (!request) return null
  const rows: [string, string][] = [
    [t('doctor.invokedAt'), formatDateTime(request.invokedAt)],
    [t('doctor.cost'), `${request.costMs} ms`],
    [t('doctor.requestUrl'), request.requestUrl],
    [t('doctor.clientIp'), request.clientIp],
    [
      t('doctor.egress'),
      egress
        ? t('doctor.egressSeen', { ip: egress.ip, time: formatDateTime(egress.seenAt) })
        : t('doctor.egressUnknown')
    ],
    [t('doctor.requestBody'), request.requestBody],
    [t('doctor.responseBody'), request.responseBody]
  ]
  return (
    <dl className="rid-facts" aria-label={t('doctor.ridHeading', { rid: lookup.rid })} role="status">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
