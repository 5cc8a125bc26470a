// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  DeskApi,
  MessageEntry,
  PushConfigView,
  PushState,
  PushTemplate
} from '../../../src/shared/contract'
import { fail, ok, text } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import { showAppTab } from '../../../src/renderer/src/app/view-store'
import {
  editBody,
  editPushForm,
  formOf,
  initialPushUiState,
  isFormDirty,
  receiveComposedBody,
  receivePushActivity,
  receivePushState,
  showPushApp,
  startPushRun,
  usePushStore
} from '../../../src/renderer/src/features/push/push-store'
import { appView, NOW } from './fake-desk'
import { installFakeDesk } from './setup'

const TEXT_TEMPLATE: PushTemplate = {
  id: 'text',
  account: 'official-account',
  label: text('Text message', '文本消息'),
  msgType: 'text',
  msgId: true,
  fields: [{ name: 'Content', label: text('Content', '内容'), value: 'this is a test' }]
}

function config(over: Partial<PushConfigView> = {}): PushConfigView {
  return {
    profileId: 'sandbox',
    url: 'http://127.0.0.1:8080/wechat',
    hasToken: true,
    tokenMask: '••••••••',
    hasAesKey: false,
    aesKeyMask: null,
    mode: 'plain',
    account: 'official-account',
    format: 'xml',
    accountId: 'gh_d3e07d51b513',
    openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
    appId: 'wx0123456789abcdef',
    persistence: 'encrypted',
    ...over
  }
}

const pushState = (over: Partial<PushState> = {}): PushState => ({
  config: config(),
  templates: [TEXT_TEMPLATE],
  history: [],
  attemptTimeoutMs: 5000,
  deliveries: 3,
  ...over
})

const trace = { sorted: [], joined: '', signature: 'f'.repeat(40) }

function textEntry(id: string, reply: string): MessageEntry {
  return {
    kind: 'push',
    id,
    at: NOW,
    label: text('Text message', '文本消息'),
    target: {
      url: 'http://127.0.0.1:8080/wechat',
      mode: 'plain',
      account: 'official-account',
      format: 'xml',
      accountId: 'gh_d3e07d51b513',
      openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
      appId: null
    },
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8080/wechat?signature=x',
      headers: { 'content-type': 'text/xml' },
      body: '<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi there]]></Content></xml>',
      plaintext: '<xml><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi there]]></Content></xml>',
      timestamp: '1',
      nonce: '2',
      echostr: null,
      signature: trace,
      msgSignature: null
    },
    attempts: [
      {
        delivery: 1,
        startedAt: NOW,
        durationMs: 12,
        outcome: { kind: 'answer', status: 200, headers: {}, body: '<xml/>', truncated: false }
      }
    ],
    durationMs: 12,
    template: 'text',
    incoming: {
      toUserName: 'gh_d3e07d51b513',
      fromUserName: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
      createTime: '1',
      msgType: 'text',
      event: null,
      msgId: '1'
    },
    verdict: {
      accepted: true,
      summary: text(`Accepted: the user sees the text "${reply}".`, `通过：用户看到文本“${reply}”。`),
      findings: [],
      phone: { kind: 'text', text: reply },
      judgedDelivery: 1,
      reply: null
    }
  }
}

describe('the push store', () => {
  beforeEach(() => {
    usePushStore.setState(initialPushUiState, true)
    showPushApp('sandbox')
    receivePushState(pushState())
  })

  it('starts the form from the saved configuration, with nothing in the secret fields', () => {
    const { form } = usePushStore.getState()
    expect(form).toEqual(formOf(config()))
    expect(form).toMatchObject({ token: '', encodingAesKey: '' })
    expect(isFormDirty(usePushStore.getState())).toBe(false)
    editPushForm({ token: 'typedNow' })
    expect(isFormDirty(usePushStore.getState())).toBe(true)
  })

  it('adds the running delivery reports of this app only, and shows a finished entry', () => {
    startPushRun('send', true)
    const attempt = { delivery: 1, startedAt: NOW, durationMs: 5000, outcome: { kind: 'timeout' as const } }
    receivePushActivity({ profileId: 'other', type: 'attempt', entryId: 'e0', attempt })
    receivePushActivity({ profileId: 'sandbox', type: 'attempt', entryId: 'e1', attempt })
    receivePushActivity({ profileId: 'sandbox', type: 'attempt', entryId: 'e9', attempt })
    expect(usePushStore.getState().run).toMatchObject({ entryId: 'e1', attempts: [attempt] })

    receivePushActivity({ profileId: 'sandbox', type: 'entry', entry: textEntry('e1', 'ok') })
    receivePushActivity({ profileId: 'sandbox', type: 'entry', entry: textEntry('e1', 'ok') })
    expect(usePushStore.getState().state?.history.map((e) => e.id)).toEqual(['e1'])
    expect(usePushStore.getState().selectedEntryId).toBe('e1')
  })

  it('keeps a body edited by hand until a rebuild is asked for', () => {
    receiveComposedBody('<xml>composed</xml>')
    editBody('<xml>mine</xml>')
    receiveComposedBody('<xml>composed again</xml>')
    expect(usePushStore.getState().composer).toMatchObject({ body: '<xml>mine</xml>', edited: true })
    receiveComposedBody('<xml>rebuilt</xml>', true)
    expect(usePushStore.getState().composer).toMatchObject({ body: '<xml>rebuilt</xml>', edited: false })
  })
})

describe('the push tab', () => {
  const holder = installFakeDesk(() => ({
    apps: [appView({ appId: 'wx0123456789abcdef' })],
    preferences: { selectedAppId: 'sandbox' }
  }))
  const verbs = {
    getPushState: vi.fn<DeskApi['getPushState']>(),
    savePushConfig: vi.fn<DeskApi['savePushConfig']>(),
    composePush: vi.fn<DeskApi['composePush']>(),
    verifyPushUrl: vi.fn<DeskApi['verifyPushUrl']>(),
    sendPush: vi.fn<DeskApi['sendPush']>(),
    generatePushAesKey: vi.fn<DeskApi['generatePushAesKey']>()
  }

  beforeEach(() => {
    usePushStore.setState(initialPushUiState, true)
    for (const verb of Object.values(verbs)) verb.mockReset()
    verbs.getPushState.mockResolvedValue(ok(pushState()))
    verbs.composePush.mockImplementation(async ({ values }) =>
      ok({
        template: 'text',
        label: TEXT_TEMPLATE.label,
        fields: [],
        body: `<xml><Content><![CDATA[${values['Content'] ?? 'this is a test'}]]></Content></xml>`
      })
    )
    verbs.savePushConfig.mockImplementation(async ({ draft }) =>
      ok(config({ url: draft.url, tokenMask: '••••••••' }))
    )
    window.desk = { ...holder.current.api, ...verbs }
    showAppTab('push')
  })

  async function openTab(): Promise<HTMLElement> {
    render(<App />)
    const region = await screen.findByRole('region', { name: 'Push simulator (消息推送调试)' })
    await waitFor(() =>
      expect(within(region).getByLabelText<HTMLTextAreaElement>('Raw body').value).toContain('this is a test')
    )
    return region
  }

  it('saves only the secrets typed now, and shows main’s issues under their fields', async () => {
    verbs.savePushConfig.mockResolvedValueOnce(
      fail({
        code: 'invalid-input',
        message: text('The server configuration needs fixing', '服务器配置需要修改'),
        issues: [{ path: 'url', message: text('The URL must start with http:// or https://', '…') }]
      })
    )
    const region = await openTab()
    const url = within(region).getByLabelText<HTMLInputElement>('URL')
    fireEvent.change(url, { target: { value: 'ftp://nope' } })
    fireEvent.click(within(region).getByRole('button', { name: 'Save' }))

    await within(region).findByText('The URL must start with http:// or https://')
    expect(url.getAttribute('aria-invalid')).toBe('true')
    expect(verbs.savePushConfig).toHaveBeenCalledWith({
      id: 'sandbox',
      draft: {
        url: 'ftp://nope',
        mode: 'plain',
        format: 'xml',
        accountId: 'gh_d3e07d51b513',
        openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'
      }
    })

    fireEvent.change(within(region).getByLabelText('Token'), { target: { value: 'newToken1' } })
    fireEvent.click(within(region).getByRole('button', { name: 'Save' }))
    await within(region).findByText('Configuration saved.')
    expect(verbs.savePushConfig.mock.calls.at(-1)?.[0].draft).toMatchObject({ token: 'newToken1' })
  })

  it('asks before replacing a saved EncodingAESKey, and never shows more than its mask', async () => {
    verbs.getPushState.mockResolvedValue(
      ok(pushState({ config: config({ hasAesKey: true, aesKeyMask: '••••••••WXYZ' }) }))
    )
    verbs.generatePushAesKey.mockResolvedValue(ok(config({ hasAesKey: true, aesKeyMask: '••••••••ABCD' })))
    const region = await openTab()
    within(region).getByText(/Saved: ••••••••WXYZ\. Leave empty to keep it\./)

    fireEvent.click(within(region).getByRole('button', { name: 'Generate' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Replace the EncodingAESKey?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep the current key' }))
    expect(verbs.generatePushAesKey).not.toHaveBeenCalled()

    fireEvent.click(within(region).getByRole('button', { name: 'Generate' }))
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Generate a new key' })
    )
    await within(region).findByText(/Saved: ••••••••ABCD\./)
    expect(verbs.generatePushAesKey).toHaveBeenCalledWith({ id: 'sandbox' })
  })

  it('sends with Ctrl+Enter after saving unsaved changes, and shows the reply on the phone', async () => {
    verbs.sendPush.mockResolvedValue(ok(textEntry('e1', 'echo: hi there')))
    const region = await openTab()
    fireEvent.change(within(region).getByLabelText('URL'), { target: { value: 'http://127.0.0.1:9000/wx' } })
    fireEvent.change(within(region).getByLabelText('Content (Content)'), { target: { value: 'hi there' } })
    const body = within(region).getByLabelText<HTMLTextAreaElement>('Raw body')
    await waitFor(() => expect(body.value).toContain('hi there'))

    fireEvent.keyDown(body, { key: 'Enter', ctrlKey: true })
    const phone = await within(region).findByRole('figure', { name: 'Phone preview' })
    within(phone).getByText('echo: hi there')
    within(phone).getByText('hi there')
    expect(verbs.savePushConfig).toHaveBeenCalledTimes(1)
    expect(verbs.sendPush).toHaveBeenCalledWith({
      id: 'sandbox',
      body: expect.stringContaining('hi there'),
      template: 'text',
      retry: false
    })
    within(region).getByRole('table', { name: 'Push history' })
  })
})
