import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MessageEntry, NewsArticle, PhoneView, PushFormat } from '../../../../shared/contract'
import { useLocalize } from '../../lib/use-localize'
import './phone-preview.css'

/** A field of the plaintext push, for display only (the engine reads pushes properly, in main). */
function plainField(plaintext: string | null, format: PushFormat, name: string): string | null {
  if (plaintext === null) return null
  if (format === 'json') {
    try {
      const value: unknown = JSON.parse(plaintext)
      const field: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, name) : null
      return typeof field === 'string' || typeof field === 'number' ? String(field) : null
    } catch {
      return null
    }
  }
  // WeChat's flat <xml>: each field once, its text in CDATA or bare.
  const match = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(plaintext)
  return match === null ? null : (match[1] ?? match[2] ?? null)
}

/** What the user wrote (or did), as the chat shows it. */
function Incoming({ entry }: { entry: MessageEntry }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  const msgType = entry.incoming?.msgType ?? null
  const field = (name: string): string => plainField(entry.request.plaintext, entry.target.format, name) ?? ''
  if (msgType === null || msgType === 'event') {
    return <p className="push-phone-system">{localize(entry.label)}</p>
  }
  const said =
    msgType === 'text'
      ? field('Content')
      : msgType === 'location'
        ? `${t('phone.incoming.location')} ${field('Label')}`
        : msgType === 'link'
          ? `${t('phone.incoming.link')} ${field('Title')}`
          : msgType === 'image' ||
              msgType === 'voice' ||
              msgType === 'video' ||
              msgType === 'shortvideo' ||
              msgType === 'miniprogrampage'
            ? t(`phone.incoming.${msgType}`)
            : t('phone.incoming.other', { type: msgType })
  return (
    <div className="push-bubble-row push-bubble-row-user">
      <p className="push-bubble push-bubble-user">{said}</p>
    </div>
  )
}

function NewsCard({ articles, dropped }: { articles: NewsArticle[]; dropped: number }) {
  const { t } = useTranslation('push')
  const [first, ...rest] = articles
  return (
    <div className="push-news">
      {first && (
        <div className="push-news-lead">
          <div className="push-news-picture" title={first.picUrl} aria-hidden="true" />
          <p className="push-news-title">{first.title}</p>
          {rest.length === 0 && first.description !== '' && (
            <p className="push-news-description">{first.description}</p>
          )}
        </div>
      )}
      {rest.map((article, index) => (
        <p key={index} className="push-news-item">
          {article.title}
        </p>
      ))}
      {dropped > 0 && <p className="push-news-dropped">{t('phone.moreArticles', { count: dropped })}</p>}
    </div>
  )
}

/** The account's answer as the chat shows it. */
function Reply({ phone, reason }: { phone: PhoneView; reason: string }) {
  const { t } = useTranslation('push')
  const bubble = (content: ReactNode, className = '') => (
    <div className="push-bubble-row">
      <div className={`push-bubble ${className}`}>{content}</div>
    </div>
  )
  switch (phone.kind) {
    case 'nothing':
      return <p className="push-phone-system">{t('phone.nothing')}</p>
    case 'text':
      return bubble(phone.text)
    case 'image':
      return bubble(t('phone.image', { id: phone.mediaId }), 'push-bubble-media')
    case 'voice':
      return bubble(t('phone.voice', { id: phone.mediaId }), 'push-bubble-media')
    case 'video':
      return bubble(
        <>
          <span>{t('phone.video', { title: phone.title || phone.mediaId })}</span>
          {phone.description && <span className="push-bubble-sub">{phone.description}</span>}
        </>,
        'push-bubble-media'
      )
    case 'music':
      return bubble(
        <>
          <span>{t('phone.music', { title: phone.title })}</span>
          {phone.description && <span className="push-bubble-sub">{phone.description}</span>}
        </>,
        'push-bubble-media'
      )
    case 'news':
      return bubble(<NewsCard articles={phone.articles} dropped={phone.dropped} />, 'push-bubble-card')
    case 'customer-service':
      return (
        <p className="push-phone-system">
          {t('phone.customerService', { account: phone.kfAccount ?? t('phone.anyAgent') })}
        </p>
      )
    case 'service-unavailable':
      return (
        <div className="push-phone-unavailable">
          <p className="push-phone-system">{phone.text}</p>
          <p className="push-phone-reason">{reason}</p>
        </div>
      )
  }
}

/** A phone-style chat: the account's name, what the user sent, and what the account's answer shows them. */
export function PhonePreview({ entry }: { entry: MessageEntry }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  return (
    <figure className="push-phone" aria-label={t('phone.label')}>
      <figcaption className="push-phone-bar">
        <span className="mono">{entry.target.accountId}</span>
        <span className="push-phone-caption">{t('phone.caption')}</span>
      </figcaption>
      <div className="push-phone-chat">
        <Incoming entry={entry} />
        <Reply phone={entry.verdict.phone} reason={localize(entry.verdict.summary)} />
      </div>
    </figure>
  )
}
