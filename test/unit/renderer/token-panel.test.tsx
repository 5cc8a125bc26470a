// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import { appView, say, tokenView } from './fake-desk'
import { installFakeDesk } from './setup'

const prod = appView({ id: 'p1', name: 'Shop', env: 'prod', mode: 'classic', isSandbox: false })
const held = tokenView({ profileId: 'p1', mode: 'classic', masked: '84_old••••••••aaaa' })

const desk = installFakeDesk(() => ({
  apps: [prod],
  preferences: { selectedAppId: 'p1' },
  tokens: { p1: held }
}))

async function renderApp(): Promise<HTMLElement> {
  render(<App />)
  const panel = await screen.findByRole('region', { name: 'Token' })
  await waitFor(() =>
    expect(within(panel).getByLabelText<HTMLTextAreaElement>('Token value').value).not.toBe('')
  )
  return panel
}

const tokenText = (panel: HTMLElement): string =>
  within(panel).getByLabelText<HTMLTextAreaElement>('Token value').value

describe('the token panel', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks before a prod classic refresh, and re-sends with confirmed: true', async () => {
    const refreshed = tokenView({ profileId: 'p1', mode: 'classic', masked: '84_new••••••••bbbb' })
    desk.current.calls.refreshToken
      .mockResolvedValueOnce(
        fail({
          code: 'confirmation-required',
          message: say(
            '"Shop" is a production app in classic mode. Fetching mints a new token, and the one your production servers use dies within 5 minutes.'
          )
        })
      )
      .mockResolvedValueOnce(ok(refreshed))
    const panel = await renderApp()

    fireEvent.click(within(panel).getByRole('button', { name: 'Refresh' }))
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog.textContent).toContain('5 minutes')
    screen.getByRole('alertdialog', { name: 'Get a new production token for “Shop”?' })
    expect(screen.queryByRole('region', { name: 'Token' })).toBeNull() // the page behind is hidden while it is open
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }))

    await waitFor(() => expect(tokenText(panel)).toBe('84_new••••••••bbbb'))
    expect(desk.current.calls.refreshToken.mock.calls.map(([input]) => input)).toEqual([
      { id: 'p1' },
      { id: 'p1', confirmed: true }
    ])
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(within(panel).queryByRole('alert')).toBeNull()
  })

  it('Cancel in the confirm dialog sends nothing more', async () => {
    desk.current.calls.refreshToken.mockResolvedValueOnce(
      fail({ code: 'confirmation-required', message: say('Confirm first.') })
    )
    const panel = await renderApp()
    fireEvent.click(within(panel).getByRole('button', { name: 'Refresh' }))
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }))

    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(desk.current.calls.refreshToken).toHaveBeenCalledTimes(1)
    expect(tokenText(panel)).toBe('84_old••••••••aaaa')
  })

  it('shows a failed refresh as an alert with the fix and details, and keeps the token shown', async () => {
    desk.current.calls.refreshToken.mockResolvedValueOnce(
      fail({
        code: 'wechat',
        message: say('The calling IP 203.0.113.7 is not in the IP whitelist (40164).'),
        fix: say('Add 203.0.113.7 to the IP whitelist.'),
        errcode: 40164,
        errmsg: 'invalid ip 203.0.113.7, not in whitelist rid: 654df33c-1a2b3c4d-5e6f7a8b',
        rid: '654df33c-1a2b3c4d-5e6f7a8b',
        httpStatus: 200
      })
    )
    const panel = await renderApp()
    fireEvent.click(within(panel).getByRole('button', { name: 'Refresh' }))

    const alert = await within(panel).findByRole('alert')
    expect(alert.textContent).toContain('not in the IP whitelist')
    expect(alert.textContent).toContain('Add 203.0.113.7 to the IP whitelist.')
    expect(alert.textContent).toContain('40164')
    expect(alert.textContent).toContain('654df33c-1a2b3c4d-5e6f7a8b')
    // The rid is printed once (its own row, not again at the end of the errmsg), the internal kind never.
    expect(alert.textContent?.split('654df33c-1a2b3c4d-5e6f7a8b')).toHaveLength(2)
    expect(alert.textContent).not.toContain('wechat')
    expect(within(alert).getByText('200')).toBeTruthy()
    within(alert).getByRole('button', { name: 'Copy IP 203.0.113.7 to whitelist' })
    expect(tokenText(panel)).toBe('84_old••••••••aaaa')
    expect(desk.current.calls.refreshToken).toHaveBeenCalledWith({ id: 'p1' })
  })

  it("counts down from main's clock, not the local one", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] })
    const localNow = Date.now()
    // Main's clock runs 60 s behind ours; its token has 600 s left on main's clock.
    const mainNow = localNow - 60_000
    desk.current.calls.getToken.mockResolvedValue(
      ok(tokenView({ profileId: 'p1', mode: 'classic', now: mainNow, expiresAt: mainNow + 600_000 }))
    )
    render(<App />)
    const bar = await screen.findByRole('progressbar', { name: 'Token lifetime' })
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('600'))
    expect(bar.getAttribute('aria-valuemax')).toBe('7200')

    act(() => vi.advanceTimersByTime(1000))
    expect(bar.getAttribute('aria-valuenow')).toBe('599')
  })

  it('reveals the full token on request and hides it again', async () => {
    const panel = await renderApp()
    fireEvent.click(within(panel).getByRole('button', { name: 'Reveal' }))
    await waitFor(() => expect(tokenText(panel)).toBe('84_full-token-value'))
    fireEvent.click(within(panel).getByRole('button', { name: 'Hide' }))
    expect(tokenText(panel)).toBe('84_old••••••••aaaa')
  })

  it('copies through main and says so; the probe reports the IP count', async () => {
    const panel = await renderApp()
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy as curl' }))
    await within(panel).findByText('Copied as curl')
    expect(desk.current.calls.copyToken).toHaveBeenCalledWith({ id: 'p1', format: 'curl' })

    fireEvent.click(within(panel).getByRole('button', { name: 'Test token' }))
    await within(panel).findByText('Token works (3 IPs)')
  })

  it('follows tokenChanged pushes from main', async () => {
    const panel = await renderApp()
    act(() =>
      desk.current.emit('tokenChanged', tokenView({ profileId: 'p1', masked: '84_timer••••••••cccc' }))
    )
    expect(tokenText(panel)).toBe('84_timer••••••••cccc')
  })
})
