import { describe, expect, it } from 'vitest'
import { PUSH_TEMPLATES, PushService, templatesFor } from '../../../../src/core/push'
import { PUSH_TEMPLATE_IDS } from '../../../../src/shared/contract'

describe('push templates', () => {
  it('are exactly the ones the contract names, in its order', () => {
    expect(PUSH_TEMPLATES.map((template) => template.id)).toEqual([...PUSH_TEMPLATE_IDS])
  })

  it('split between the two kinds of account, messages before events', () => {
    for (const account of ['official-account', 'mini-program'] as const) {
      const kinds = templatesFor(account).map((template) =>
        template.msgType === 'event' ? 'event' : 'message'
      )
      expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'message' ? -1 : 1)))
    }
  })

  it('compose with the sender alone: no URL or Token needed for a preview', async () => {
    const service = new PushService()
    const composed = service.compose({ openid: 'oPreview' }, 'event.CLICK', { EventKey: 'MENU_1' })
    expect(composed.ok && composed.value.body).toContain('<FromUserName><![CDATA[oPreview]]></FromUserName>')
    const refused = service.compose({ openid: 'has space' }, 'text')
    expect(refused.ok || refused.error.issues?.map((issue) => issue.path)).toEqual(['openid'])
    await service.close()
  })
})
