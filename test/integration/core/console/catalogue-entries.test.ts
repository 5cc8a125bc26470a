import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONSOLE_CATALOGUE,
  requestFromEntry,
  type CatalogueEntry
} from '../../../../src/shared/console-catalogue'
import type { ConsoleRequest, ConsoleResponse } from '../../../../src/shared/contract'
import { SANDBOX_PROFILE_ID } from '../../../../src/core/profiles'
import { postJson } from '../../../support/emulator-client'
import { startTestDesk, type TestDesk } from '../../../support/desk'
import { openidOf, SANDBOX } from '../../../support/catalogue-client'

// Every catalogue entry sent as a user would: from its template, through the console and the desk's one
// gateway, over real HTTP to the emulator on the sandbox profile (issue #10 §1).

let desk: TestDesk
let seq = 0
const requestId = (): string => `req-${String(++seq).padStart(6, '0')}`

beforeAll(async () => {
  desk = await startTestDesk()
})
afterAll(() => desk.close())

const emulator = () => {
  const sandbox = desk.services.sandbox
  if (!sandbox) throw new Error('the test desk runs the sandbox')
  return sandbox.emulator
}

const entryById = (id: string): CatalogueEntry => {
  const found = CONSOLE_CATALOGUE.find((item) => item.id === id)
  if (!found) throw new Error(`no catalogue entry ${id}`)
  return found
}

async function send(request: ConsoleRequest, confirmed = false): Promise<ConsoleResponse> {
  const { response } = await desk.services.console.send(SANDBOX_PROFILE_ID, requestId(), request, confirmed)
  return response
}

const json = (response: ConsoleResponse): Record<string, unknown> => {
  if (response.body.kind !== 'text' || !response.body.json) throw new Error(`not JSON: ${response.body.kind}`)
  return JSON.parse(response.body.text) as Record<string, unknown>
}

/** The entry's template with some fields filled in, as a user would type them. */
function fromEntry(
  id: string,
  fill: { query?: Record<string, string>; body?: Record<string, unknown> } = {}
): ConsoleRequest {
  const request = requestFromEntry(entryById(id), SANDBOX.appid)
  const query = request.query.map(([name, value]): [string, string] => [name, fill.query?.[name] ?? value])
  if (fill.body && request.body.kind === 'json') {
    const body = { ...(JSON.parse(request.body.text) as Record<string, unknown>), ...fill.body }
    return { ...request, query, body: { kind: 'json', text: JSON.stringify(body) } }
  }
  return { ...request, query }
}

async function miniProgramCode(kind: 'login-code' | 'phone-code'): Promise<string> {
  const answer = await postJson(emulator(), `/emulator/mini-program/${kind}`, {
    appid: SANDBOX.appid,
    user: 'li-lei'
  })
  return (answer.json as { code: string }).code
}

/** What each entry needs filled in, and what its success looks like. */
const CHECKS: Record<string, () => Promise<void>> = {
  getcallbackip: async () => {
    const answer = await send(fromEntry('getcallbackip'))
    expect(json(answer)['ip_list']).toEqual(expect.arrayContaining([expect.any(String)]))
  },
  'get-api-domain-ip': async () => {
    expect(json(await send(fromEntry('get-api-domain-ip')))['ip_list']).toEqual(expect.any(Array))
  },
  'quota-get': async () => {
    const answer = json(await send(fromEntry('quota-get')))
    expect(answer['quota']).toEqual({
      daily_limit: expect.any(Number),
      used: expect.any(Number),
      remain: expect.any(Number)
    })
  },
  'rid-get': async () => {
    const refused = await send(fromEntry('user-info', { query: { openid: 'not-an-openid' } }))
    expect(refused.rid).toEqual(expect.any(String))
    const answer = json(await send(fromEntry('rid-get', { body: { rid: refused.rid } })))
    expect(answer['request']).toMatchObject({ request_url: expect.stringContaining('openid=not-an-openid') })
  },
  'clear-quota': async () => {
    expect(json(await send(fromEntry('clear-quota'), true))).toMatchObject({ errcode: 0, errmsg: 'ok' })
  },
  'clear-quota-v2': async () => {
    expect(json(await send(fromEntry('clear-quota-v2'), true))).toMatchObject({ errcode: 0, errmsg: 'ok' })
  },
  'user-get': async () => {
    const answer = json(await send(fromEntry('user-get')))
    expect(answer).toMatchObject({ total: expect.any(Number), data: { openid: expect.any(Array) } })
  },
  'user-info': async () => {
    const openid = openidOf(SANDBOX, 'li-lei')
    expect(json(await send(fromEntry('user-info', { query: { openid } })))).toMatchObject({
      openid,
      subscribe: 1
    })
  },
  'menu-create': async () => {
    expect(json(await send(fromEntry('menu-create')))).toMatchObject({ errcode: 0 })
  },
  'menu-get': async () => {
    await send(fromEntry('menu-create'))
    expect(json(await send(fromEntry('menu-get')))).toHaveProperty('menu.button')
  },
  'selfmenu-info': async () => {
    expect(json(await send(fromEntry('selfmenu-info')))).toHaveProperty('is_menu_open')
  },
  'menu-delete': async () => {
    expect(json(await send(fromEntry('menu-delete')))).toMatchObject({ errcode: 0 })
  },
  'template-list': async () => {
    expect(json(await send(fromEntry('template-list')))['template_list']).toEqual(expect.any(Array))
  },
  'template-send': async () => {
    const list = json(await send(fromEntry('template-list')))['template_list'] as {
      template_id: string
      content: string
    }[]
    const template = list[0]
    // Each {{name.DATA}} of the template's content, filled in as a user would.
    const data = Object.fromEntries(
      [...(template?.content ?? '').matchAll(/\{\{(\w+)\.DATA\}\}/g)].map((m) => [m[1], { value: 'x' }])
    )
    const answer = await send(
      fromEntry('template-send', {
        body: { touser: openidOf(SANDBOX, 'li-lei'), template_id: template?.template_id, data }
      })
    )
    expect(json(answer)).toMatchObject({ errcode: 0, msgid: expect.any(Number) })
  },
  'custom-send': async () => {
    const answer = await send(fromEntry('custom-send', { body: { touser: openidOf(SANDBOX, 'li-lei') } }))
    expect(json(answer)).toMatchObject({ errcode: 0 })
  },
  'media-upload': async () => {
    desk.fileOpener.choose('cat.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))
    const picked = await desk.services.console.pickFile()
    const request = fromEntry('media-upload')
    const answer = await send({
      ...request,
      body: {
        kind: 'multipart',
        parts: [{ kind: 'file', name: 'media', fileId: picked?.fileId ?? null, fileName: 'cat.png' }]
      }
    })
    expect(json(answer)).toMatchObject({ type: 'image', media_id: expect.any(String) })
  },
  'qrcode-create': async () => {
    const id = requestId()
    const { response } = await desk.services.console.send(SANDBOX_PROFILE_ID, id, fromEntry('qrcode-create'))
    expect(json(response)).toMatchObject({ ticket: expect.any(String) })
    // The console then shows the code itself: showqrcode with the ticket kept in main.
    const shown = await desk.services.console.showQrCode(SANDBOX_PROFILE_ID, requestId(), id)
    expect(shown).toMatchObject({ status: 200, body: { kind: 'image', contentType: 'image/jpeg' } })
  },
  jscode2session: async () => {
    const code = await miniProgramCode('login-code')
    const answer = await send(fromEntry('jscode2session', { query: { js_code: code } }))
    expect(json(answer)).toMatchObject({ openid: expect.any(String) })
    // The session_key is a secret of the user's: masked in the pane.
    expect(json(answer)['session_key']).toBe('***')
  },
  'phone-number': async () => {
    const code = await miniProgramCode('phone-code')
    const answer = await send(fromEntry('phone-number', { body: { code } }))
    expect(json(answer)).toMatchObject({ errcode: 0, phone_info: { purePhoneNumber: '13800138000' } })
  },
  'wxacode-unlimit': async () => {
    const answer = await send(fromEntry('wxacode-unlimit'))
    expect(answer.body).toMatchObject({
      kind: 'image',
      dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/)
    })
  },
  urllink: async () => {
    expect(json(await send(fromEntry('urllink')))).toMatchObject({
      url_link: expect.stringMatching(/^https:\/\//)
    })
  },
  scheme: async () => {
    expect(json(await send(fromEntry('scheme')))).toMatchObject({
      openlink: expect.stringMatching(/^weixin:\/\//)
    })
  }
}

describe('every catalogue entry, sent from the console to the sandbox', () => {
  it('has a check here for each entry', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(CONSOLE_CATALOGUE.map((item) => item.id).sort())
  })

  for (const item of CONSOLE_CATALOGUE) {
    it(`${item.id}: ${item.method} ${item.path} answers with WeChat's success shape`, async () => {
      await CHECKS[item.id]?.()
    })
  }
})
