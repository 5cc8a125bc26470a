import { useTranslation } from 'react-i18next'
import { CALL_SOURCES, type CallSource } from '../../../../shared/contract'
import { ChoiceSelect } from '../../components/choice-select'
import { filterCallLog } from './call-log-commands'
import { useCallLogStore } from './call-log-store'

const SCOPES = ['app', 'all'] as const
const SOURCE_CHOICES: readonly (CallSource | 'any')[] = ['any', ...CALL_SOURCES]

/** The log's filters: which apps, which source, a path fragment, an errcode. */
export function CallLogFilters() {
  const { t } = useTranslation('callLog')
  const filters = useCallLogStore((state) => state.filters)
  return (
    <div className="call-log-filters" role="group" aria-label={t('filters')}>
      <label>
        {t('scope')}{' '}
        <ChoiceSelect
          value={filters.scope}
          choices={SCOPES}
          labelOf={(scope) => (scope === 'app' ? t('scopeApp') : t('scopeAll'))}
          onChoose={(scope) => filterCallLog({ scope })}
        />
      </label>
      <label>
        {t('source')}{' '}
        <ChoiceSelect
          value={filters.source}
          choices={SOURCE_CHOICES}
          labelOf={(source) => (source === 'any' ? t('sourceAny') : t(`sources.${source}`))}
          onChoose={(source) => filterCallLog({ source })}
        />
      </label>
      <label>
        {t('path')}{' '}
        <input
          type="search"
          value={filters.path}
          placeholder={t('pathPlaceholder')}
          onChange={(event) => filterCallLog({ path: event.target.value })}
        />
      </label>
      <label>
        {t('errcodeFilter')}{' '}
        <input
          type="search"
          inputMode="numeric"
          size={7}
          value={filters.errcode}
          onChange={(event) => filterCallLog({ errcode: event.target.value })}
        />
      </label>
    </div>
  )
}
