// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DeskApi, MiniProgramSetup } from '../../../src/shared/contract'
import { fail, ok, text } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import { showAppTab } from '../../../src/renderer/src/app/view-store'
import {
  initialMiniProgramState,
  useMiniProgramStore
} from '../../../src/renderer/src/features/mini-program/mini-program-store'
import { appView } from './fake-desk'
import { installFakeDesk } from './setup'

const SESSION_KEY = 'tiihtNczf5v6AKRyjwEUhQ=='

const setupWith = (over: Partial<MiniProgramSetup> = {}): MiniProgramSetup => ({
  profileId: 'sandbox',
  appId: 'wx0123456789abcdef',
  kind: 'test-account',
  canExchange: true,
  simulator: {
    users: [
      { id: 'li-lei', nickname: '李雷', phoneNumber: '13800138000' },
      { id: 'han-meimei', nickname: '韩梅梅', phoneNumber: '13900139000' }
    ]
  },
  ...over
})

describe('the Mini Program login tab', () => {
  const holder = installFakeDesk(() => ({
    apps: [appView({ appId: 'wx0123456789abcdef' })],
    preferences: { selectedAppId: 'sandbox' }
  }))
  const verbs = {
    getMiniProgramSetup: vi.fn<DeskApi['getMiniProgramSetup']>(),
    simulateMiniProgramCode: vi.fn<DeskApi['simulateMiniProgramCode']>(),
    exchangeMiniProgramCode: vi.fn<DeskApi['exchangeMiniProgramCode']>(),
    revealSessionKey: vi.fn<DeskApi['revealSessionKey']>(),
    getMiniProgramPhoneNumber: vi.fn<DeskApi['getMiniProgramPhoneNumber']>()
  }

  beforeEach(() => {
    useMiniProgramStore.setState(initialMiniProgramState, true)
    for (const verb of Object.values(verbs)) verb.mockReset()
    verbs.getMiniProgramSetup.mockResolvedValue(ok(setupWith()))
    verbs.simulateMiniProgramCode.mockImplementation(async ({ kind, user }) =>
      ok({
        kind,
        code: `${kind}-code-for-${user}`,
        userId: user,
        expiresAt: Date.now() + 300_000,
        now: Date.now()
      })
    )
    verbs.exchangeMiniProgramCode.mockImplementation(async ({ code }) =>
      ok({
        id: 'mps_1',
        profileId: 'sandbox',
        at: Date.now(),
        code,
        openid: 'oUser123',
        unionid: null,
        sessionKeyMasked: '••••••••hQ=='
      })
    )
    verbs.revealSessionKey.mockResolvedValue(ok({ sessionKey: SESSION_KEY }))
    window.desk = { ...holder.current.api, ...verbs }
    showAppTab('mini-program')
  })

  async function openTab(): Promise<HTMLElement> {
    render(<App />)
    const region = await screen.findByRole('region', { name: 'Mini Program login' })
    await within(region).findByLabelText('Sandbox user')
    return region
  }

  it('simulates wx.login for the chosen user, exchanges with Ctrl+Enter, masks session_key until revealed', async () => {
    const region = await openTab()
    fireEvent.change(within(region).getByLabelText('Sandbox user'), { target: { value: 'han-meimei' } })
    const form = within(region).getByRole('form', { name: /wx\.login → jscode2session/ })
    const simulate = within(form).getByRole('button', { name: 'Simulate wx.login' })
    simulate.focus()
    fireEvent.click(simulate)
    const code = within(form).getByLabelText('js_code (from wx.login)') as HTMLInputElement
    await waitFor(() => expect(code.value).toBe('login-code-for-han-meimei'))
    expect(verbs.simulateMiniProgramCode).toHaveBeenCalledWith({
      id: 'sandbox',
      kind: 'login',
      user: 'han-meimei'
    })
    expect(within(form).getByRole('timer').textContent).toMatch(/^Code for 韩梅梅, valid for [45]:\d\d$/)

    fireEvent.keyDown(simulate, { key: 'Enter', ctrlKey: true })
    const session = await within(region).findByLabelText('Session')
    expect(verbs.exchangeMiniProgramCode).toHaveBeenCalledWith({
      id: 'sandbox',
      code: 'login-code-for-han-meimei'
    })
    expect(session.textContent).toContain('oUser123')
    expect(session.textContent).toContain('(none: not bound to an Open Platform account)')
    expect(session.textContent).toContain('••••••••hQ==')
    expect(document.body.innerHTML).not.toContain(SESSION_KEY)
    expect(document.activeElement).toBe(simulate)

    fireEvent.click(within(session).getByRole('button', { name: 'Reveal' }))
    await within(session).findByText(SESSION_KEY)
    expect(verbs.revealSessionKey).toHaveBeenCalledWith({ sessionId: 'mps_1' })
    fireEvent.click(within(session).getByRole('button', { name: 'Hide' }))
    expect(document.body.innerHTML).not.toContain(SESSION_KEY)
  })

  it('shows WeChat’s refusal decoded where the form is', async () => {
    verbs.exchangeMiniProgramCode.mockResolvedValue(
      fail({
        code: 'wechat',
        errcode: 40163,
        errmsg: 'code been used',
        message: text('The wx.login code was already used', 'code 已被使用（wx.login）')
      })
    )
    const region = await openTab()
    const form = within(region).getByRole('form', { name: /wx\.login → jscode2session/ })
    fireEvent.change(within(form).getByLabelText('js_code (from wx.login)'), {
      target: { value: 'used-code' }
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Exchange' }))
    const alert = await within(region).findByRole('alert')
    expect(alert.textContent).toContain('The wx.login code was already used')
    expect(alert.textContent).toContain('40163')
  })

  it('reads a phone number with the openid to check', async () => {
    verbs.getMiniProgramPhoneNumber.mockResolvedValue(
      ok({
        id: 'mpp_1',
        profileId: 'sandbox',
        at: Date.now(),
        code: 'phone-code-for-li-lei',
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { timestamp: 1700000000, appid: 'wx0123456789abcdef' }
      })
    )
    const region = await openTab()
    const form = within(region).getByRole('form', { name: /getPhoneNumber → getuserphonenumber/ })
    fireEvent.click(within(form).getByRole('button', { name: 'Simulate getPhoneNumber' }))
    await waitFor(() =>
      expect((within(form).getByLabelText(/^Phone code/) as HTMLInputElement).value).toBe(
        'phone-code-for-li-lei'
      )
    )
    fireEvent.change(within(form).getByLabelText('openid to check (optional)'), {
      target: { value: ' oUser123 ' }
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Get phone number' }))
    const phone = await within(region).findByLabelText('Phone number')
    expect(verbs.getMiniProgramPhoneNumber).toHaveBeenCalledWith({
      id: 'sandbox',
      code: 'phone-code-for-li-lei',
      openid: 'oUser123'
    })
    expect(phone.textContent).toContain('13800138000')
    expect(phone.textContent).toContain('appid wx0123456789abcdef, timestamp 1700000000')
  })

  it('offers no simulation where the emulator does not answer, and says why codes cannot be exchanged', async () => {
    verbs.getMiniProgramSetup.mockResolvedValue(ok(setupWith({ simulator: null, canExchange: false })))
    render(<App />)
    const region = await screen.findByRole('region', { name: 'Mini Program login' })
    await within(region).findByText(/get the code in WeChat DevTools or on a phone/)
    expect(within(region).queryByRole('button', { name: 'Simulate wx.login' })).toBeNull()
    const exchange = within(region).getByRole('button', { name: 'Exchange' })
    expect(exchange.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(exchange)
    expect(verbs.exchangeMiniProgramCode).not.toHaveBeenCalled()
  })
})
