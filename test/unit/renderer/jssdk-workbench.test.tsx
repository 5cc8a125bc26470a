// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DeskApi, JssdkSignature, JssdkTicketView } from '../../../src/shared/contract'
import { fail, ok, text } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import { showAppTab } from '../../../src/renderer/src/app/view-store'
import {
  initialJssdkState,
  receiveJssdkTicket,
  setJssdkRevealed,
  showJssdkApp,
  useJssdkStore
} from '../../../src/renderer/src/features/jssdk/jssdk-store'
import { appView, NOW } from './fake-desk'
import { installFakeDesk } from './setup'

const TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'

function ticketView(over: Partial<JssdkTicketView> = {}): JssdkTicketView {
  return {
    profileId: 'sandbox',
    held: true,
    masked: 'sM4A••••••••P7qg',
    obtainedAt: NOW - 60_000,
    expiresAt: NOW + 7_140_000,
    previousCount: 0,
    now: NOW,
    ...over
  }
}

const SIGNED: JssdkSignature = {
  url: 'https://www.example.com/pay?order=1',
  findings: [
    {
      rule: 'fragment-stripped',
      level: 'info',
      message: text('The fragment "#/x" is not signed.', '片段“#/x”不参与签名。')
    }
  ],
  ticketSource: 'desk',
  result: {
    signed:
      'jsapi_ticket=sM4A••••••••P7qg&noncestr=abc&timestamp=1700000000&url=https://www.example.com/pay?order=1',
    signature: '0123456789abcdef0123456789abcdef01234567'
  },
  config: {
    appId: 'wx0123456789abcdef',
    timestamp: '1700000000',
    nonceStr: 'abc',
    signature: '0123456789abcdef0123456789abcdef01234567'
  },
  snippet: 'wx.config({\n  signature: "0123456789abcdef0123456789abcdef01234567"\n})',
  ticket: ticketView()
}

describe('the JS-SDK store', () => {
  beforeEach(() => useJssdkStore.setState(initialJssdkState, true))

  it('hides a revealed ticket once main holds another one', () => {
    showJssdkApp('sandbox')
    receiveJssdkTicket(ticketView(), NOW)
    setJssdkRevealed(TICKET)
    receiveJssdkTicket(ticketView(), NOW)
    expect(useJssdkStore.getState().revealed).toBe(TICKET)
    receiveJssdkTicket(ticketView({ masked: 'kgt8••••••••g5iw', obtainedAt: NOW }), NOW)
    expect(useJssdkStore.getState().revealed).toBeNull()
  })

  it('ignores a view of another app', () => {
    showJssdkApp('sandbox')
    receiveJssdkTicket(ticketView({ profileId: 'p1' }), NOW)
    expect(useJssdkStore.getState().ticket).toBeNull()
  })
})

describe('the JS-SDK tab', () => {
  const holder = installFakeDesk(() => ({
    apps: [appView({ appId: 'wx0123456789abcdef', jsDomains: ['www.example.com'] })],
    preferences: { selectedAppId: 'sandbox' }
  }))
  const verbs = {
    getJssdkSetup: vi.fn<DeskApi['getJssdkSetup']>(),
    revealJssdkTicket: vi.fn<DeskApi['revealJssdkTicket']>(),
    signJssdk: vi.fn<DeskApi['signJssdk']>(),
    diagnoseJssdkSignature: vi.fn<DeskApi['diagnoseJssdkSignature']>()
  }

  beforeEach(() => {
    useJssdkStore.setState(initialJssdkState, true)
    for (const verb of Object.values(verbs)) verb.mockReset()
    verbs.getJssdkSetup.mockResolvedValue(
      ok({
        profileId: 'sandbox',
        appId: 'wx0123456789abcdef',
        kind: 'test-account',
        jsDomains: ['www.example.com'],
        ticket: ticketView({ now: Date.now(), expiresAt: Date.now() + 7_140_000 }),
        nonceStr: 'Nonce0123456789a',
        timestamp: '1700000000'
      })
    )
    verbs.revealJssdkTicket.mockResolvedValue(ok({ ticket: TICKET }))
    window.desk = { ...holder.current.api, ...verbs }
    showAppTab('jssdk')
  })

  async function openTab(): Promise<HTMLElement> {
    render(<App />)
    const region = await screen.findByRole('region', { name: 'JS-SDK workbench' })
    await within(region).findByRole('form', { name: '1 · Signature calculator' })
    return region
  }

  it('shows the ticket masked with its countdown, the full value only on Reveal', async () => {
    const region = await openTab()
    const value = within(region).getByRole('textbox', { name: 'Ticket' }) as HTMLInputElement
    expect(value.value).toBe('sM4A••••••••P7qg')
    expect(within(region).getByRole('timer').textContent).toMatch(/^expires in 1:5\d:\d\d$/)
    expect(within(region).getByText('www.example.com')).toBeTruthy()
    expect(document.body.innerHTML).not.toContain(TICKET)
    fireEvent.click(within(region).getByRole('button', { name: 'Reveal' }))
    await waitFor(() => expect(value.value).toBe(TICKET))
    fireEvent.click(within(region).getByRole('button', { name: 'Hide' }))
    expect(value.value).toBe('sM4A••••••••P7qg')
  })

  it('signs with Ctrl+Enter from the URL field: busy, not disabled, focus kept; then the SHA-1 and wx.config', async () => {
    let answer: (value: Awaited<ReturnType<DeskApi['signJssdk']>>) => void = () => undefined
    verbs.signJssdk.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const region = await openTab()
    const form = within(region).getByRole('form', { name: '1 · Signature calculator' })
    const url = within(form).getByLabelText('Page URL')
    fireEvent.change(url, { target: { value: 'https://www.example.com/pay?order=1#/x' } })
    url.focus()
    fireEvent.keyDown(url, { key: 'Enter', ctrlKey: true })
    const sign = within(form).getByRole('button', { name: 'Sign' })
    await waitFor(() => expect(sign.getAttribute('aria-busy')).toBe('true'))
    expect(sign.hasAttribute('disabled')).toBe(false)
    expect(verbs.signJssdk).toHaveBeenCalledWith({
      id: 'sandbox',
      url: 'https://www.example.com/pay?order=1#/x',
      nonceStr: 'Nonce0123456789a',
      timestamp: '1700000000',
      revealTicket: false
    })
    answer(ok(SIGNED))
    await within(region).findByText('0123456789abcdef0123456789abcdef01234567')
    expect(within(region).getByText(/The fragment "#\/x" is not signed/)).toBeTruthy()
    expect(region.querySelector('pre')?.textContent).toContain('wx.config({')
    expect(document.activeElement).toBe(url)
  })

  it('passes a typed ticket (for the documented vector) and says the Sign button needs a URL', async () => {
    verbs.signJssdk.mockResolvedValue(ok({ ...SIGNED, ticketSource: 'typed', ticket: null }))
    const region = await openTab()
    const form = within(region).getByRole('form', { name: '1 · Signature calculator' })
    const sign = within(form).getByRole('button', { name: 'Sign' })
    expect(sign.getAttribute('aria-disabled')).toBe('true')
    fireEvent.change(within(form).getByLabelText('Page URL'), {
      target: { value: 'http://mp.weixin.qq.com?params=value' }
    })
    fireEvent.change(within(form).getByLabelText(/^Ticket to sign with/), {
      target: { value: ` ${TICKET} ` }
    })
    fireEvent.click(sign)
    await within(region).findByText('Signed with the ticket you typed.')
    expect(verbs.signJssdk.mock.calls[0]?.[0]).toMatchObject({ ticket: TICKET })
  })

  it('shows a diagnosis’s field issues under the fields, and its verdict', async () => {
    const issue = text('A signature is 40 hexadecimal characters.', '签名是 40 位十六进制字符。')
    verbs.diagnoseJssdkSignature.mockResolvedValueOnce(
      fail({ code: 'invalid-input', message: issue, issues: [{ path: 'signature', message: issue }] })
    )
    const region = await openTab()
    const form = within(region).getByRole('form', { name: /Why does my page say/ })
    fireEvent.click(within(form).getByRole('button', { name: 'Diagnose' }))
    const field = within(form).getByLabelText('signature passed to wx.config')
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'))
    expect(within(form).getByText('A signature is 40 hexadecimal characters.')).toBeTruthy()

    verbs.diagnoseJssdkSignature.mockResolvedValueOnce(
      ok({
        cause: 'ticket-stale',
        message: text('Your backend signed with an old jsapi_ticket.', '后端用了旧的 jsapi_ticket 签名。'),
        expected: SIGNED.result!,
        reproducedBy: { signed: 'jsapi_ticket=old•••&…', signature: 'f'.repeat(40) },
        ticketsTried: 2
      })
    )
    fireEvent.click(within(form).getByRole('button', { name: 'Diagnose' }))
    const verdict = await within(region).findByRole('region', { name: 'Verdict' })
    expect(verdict.textContent).toContain('Signed with an old ticket')
    expect(verdict.textContent).toContain('2 ticket(s) tried.')
    expect(field.getAttribute('aria-invalid')).toBeNull()
  })
})
