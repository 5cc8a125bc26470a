import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callNames, type CallName } from '../../../src/shared/contract'
import { invokeHandler, type HandlerTable } from '../../../src/core/handler-table'
import { createHandlerTable } from '../../../src/compose/desk-handlers'
import { startTestDesk, type TestDesk } from '../../support/desk'

const SECRET = '0123456789abcdef0123456789abcdef'

describe('the AppSecret never leaves main', () => {
  let desk: TestDesk
  let table: HandlerTable
  const replies: string[] = []
  const call = async (name: CallName, input?: unknown) => {
    const reply = await invokeHandler(table, name, input)
    replies.push(JSON.stringify(reply))
    return reply
  }
  beforeAll(async () => {
    desk = await startTestDesk()
    table = createHandlerTable(desk.services)
    desk.services.subscribe((_name, payload) => replies.push(JSON.stringify(payload)))
  })
  afterAll(() => desk.close())

  it('is absent from every reply, event and log line, whatever the renderer calls', async () => {
    // An app whose secret WeChat (here: the emulator) refuses, so error paths are exercised too.
    const created = await call('createApp', {
      name: 'Leaky?',
      appId: 'wx1234567890abcdef',
      secret: SECRET,
      kind: 'official-account',
      env: 'dev',
      mode: 'classic',
      apiBase: desk.services.sandbox!.emulator.url
    })
    expect(created.ok).toBe(true)
    const id = (created as { value: { id: string } }).value.id
    const sandbox = 'sandbox'
    const inputs: Partial<Record<CallName, unknown[]>> = {
      getToken: [{ id }, { id: sandbox }],
      fetchToken: [{ id }, { id: sandbox }],
      refreshToken: [{ id }, { id: sandbox }],
      forceRefreshToken: [{ id }, { id: sandbox }],
      testToken: [{ id }, { id: sandbox }],
      revealToken: [{ id }],
      copyToken: [{ id, format: 'curl' }],
      exportPostman: [{ id }],
      listCallLog: [{}, { id }],
      getJssdkSetup: [{ id }, { id: sandbox }],
      fetchJssdkTicket: [{ id }, { id: sandbox }],
      signJssdk: [
        { id, url: 'https://www.example.com/', nonceStr: 'n', timestamp: '1' },
        { id: sandbox, url: 'https://www.example.com/', nonceStr: 'n', timestamp: '1' }
      ],
      getMiniProgramSetup: [{ id }, { id: sandbox }],
      exchangeMiniProgramCode: [
        { id, code: 'not-a-code' },
        { id: sandbox, code: 'not-a-code' }
      ],
      getMiniProgramPhoneNumber: [{ id, code: 'not-a-code' }],
      updateApp: [
        {
          id,
          draft: {
            name: 'Renamed',
            appId: 'wx1234567890abcdef',
            kind: 'official-account',
            env: 'dev',
            mode: 'classic',
            apiBase: desk.services.sandbox!.emulator.url
          }
        }
      ],
      injectEmulatorFault: [{ fault: 'system-error', count: 1 }],
      updatePreferences: [{ theme: 'dark' }],
      dismissNotice: [{ id: 'none' }],
      openExternal: [{ url: 'https://developers.weixin.qq.com/' }],
      listApps: [undefined],
      deleteApp: [{ id }]
    }
    for (const name of callNames) {
      for (const input of inputs[name] ?? [undefined]) await call(name, input)
    }
    expect(replies.length).toBeGreaterThan(callNames.length)
    for (const reply of replies) expect(reply).not.toContain(SECRET)
    expect(JSON.stringify(desk.services.callLog.list())).not.toContain(SECRET)
    expect(desk.clipboard.writes.join('\n')).not.toContain(SECRET)
  })
})
