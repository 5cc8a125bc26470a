// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app/app'
import { fail, ok, text } from '../../../src/shared/result'
import { appView, say, tokenView } from './fake-desk'
import { installFakeDesk } from './setup'

const classic = appView({ id: 'c1', name: 'Classic dev', mode: 'classic', isSandbox: false })
const stable = appView({ id: 's1', name: 'Stable dev', mode: 'stable', isSandbox: false })

const desk = installFakeDesk(() => ({
  apps: [classic, stable],
  preferences: { selectedAppId: 'c1' },
  tokens: {
    c1: tokenView({ profileId: 'c1', mode: 'classic', masked: '84_classic••••aaaa' }),
    s1: tokenView({ profileId: 's1', mode: 'stable', masked: '84_stable••••bbbb' })
  }
}))

async function tokenPanel(): Promise<HTMLElement> {
  const panel = await screen.findByRole('region', { name: 'Token' })
  await waitFor(() =>
    expect(within(panel).getByLabelText<HTMLTextAreaElement>('Token value').value).not.toBe('')
  )
  return panel
}

const pressCtrlR = () => fireEvent.keyDown(window, { key: 'r', ctrlKey: true })

describe('shortcuts that cannot hurt', () => {
  it('asks before Ctrl/⌘+R mints a classic token, even on a dev app; Confirm sends it', async () => {
    render(<App />)
    await tokenPanel()
    pressCtrlR()
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Mint a new classic token for “Classic dev”?'
    })
    expect(dialog.textContent).toContain('dies within 5 minutes')
    expect(desk.current.calls.refreshToken).not.toHaveBeenCalled()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() =>
      expect(desk.current.calls.refreshToken).toHaveBeenCalledWith({ id: 'c1', confirmed: true })
    )
  })

  it('refreshes a stable app at once, but does nothing to the token from the OAuth tab', async () => {
    desk.current.calls.listApps.mockResolvedValue(ok([stable]))
    render(<App />)
    await tokenPanel()
    fireEvent.click(screen.getByRole('tab', { name: 'OAuth (网页授权)' }))
    pressCtrlR()
    fireEvent.keyDown(window, { key: 'c', ctrlKey: true, shiftKey: true })
    expect(desk.current.calls.refreshToken).not.toHaveBeenCalled()
    expect(desk.current.calls.copyToken).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('tab', { name: 'Token' }))
    pressCtrlR()
    await waitFor(() => expect(desk.current.calls.refreshToken).toHaveBeenCalledWith({ id: 's1' }))
  })

  it('closes the shortcuts list with Esc and gives focus back to its toggle', async () => {
    render(<App />)
    const panel = await tokenPanel()
    const summary = within(panel).getByText('Keyboard shortcuts')
    const details = summary.closest('details') as HTMLDetailsElement
    details.open = true
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(details.open).toBe(false)
    expect(document.activeElement).toBe(summary)
  })
})

describe('focus and feedback', () => {
  it('keeps Fetch focusable while it runs (aria-busy, not disabled) and ignores presses meanwhile', async () => {
    let answer: (value: Awaited<ReturnType<typeof desk.current.calls.fetchToken>>) => void = () => undefined
    desk.current.calls.fetchToken.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    render(<App />)
    const panel = await tokenPanel()
    const fetch = within(panel).getByRole('button', { name: 'Fetch' })
    fetch.focus()
    fireEvent.click(fetch)
    await waitFor(() => expect(fetch.getAttribute('aria-busy')).toBe('true'))
    expect(fetch.hasAttribute('disabled')).toBe(false)
    expect(document.activeElement).toBe(fetch)
    fireEvent.click(fetch)
    expect(desk.current.calls.fetchToken).toHaveBeenCalledTimes(1)
    // Main says it called WeChat: the wait shows, timed from the press.
    act(() =>
      desk.current.emit('tokenChanged', tokenView({ profileId: 'c1', mode: 'classic', refreshing: true }))
    )
    within(panel).getByRole('progressbar', { name: 'Waiting for WeChat' })
    act(() => answer(ok(tokenView({ profileId: 'c1', mode: 'classic' }))))
    await waitFor(() => expect(fetch.getAttribute('aria-busy')).toBeNull())
    expect(document.activeElement).toBe(fetch)
  })

  it('Cancel stops the wait: main aborts the call, the panel says “cancelled”, not an error', async () => {
    desk.current.calls.fetchToken.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          desk.current.calls.cancelTokenRefresh.mockImplementationOnce(async ({ id }) => {
            resolve(fail({ code: 'network', message: say('Cancelled: stopped waiting.'), retryable: true }))
            return ok(tokenView({ profileId: id, mode: 'classic' }))
          })
        })
    )
    render(<App />)
    const panel = await tokenPanel()
    fireEvent.click(within(panel).getByRole('button', { name: 'Fetch' }))
    act(() =>
      desk.current.emit('tokenChanged', tokenView({ profileId: 'c1', mode: 'classic', refreshing: true }))
    )
    fireEvent.click(await within(panel).findByRole('button', { name: 'Cancel' }))
    await within(panel).findByText('Cancelled: the desk stopped waiting for WeChat. Nothing changed.')
    expect(desk.current.calls.cancelTokenRefresh).toHaveBeenCalledWith({ id: 'c1' })
    expect(within(panel).queryByRole('alert')).toBeNull()
    expect(within(panel).queryByRole('progressbar', { name: 'Waiting for WeChat' })).toBeNull()
  })

  it('says why Force refresh cannot be used with no token held, instead of just greying it out', async () => {
    desk.current.calls.listApps.mockResolvedValue(ok([stable]))
    desk.current.calls.getToken.mockResolvedValue(
      ok(tokenView({ profileId: 's1', held: false, masked: null, autoRefresh: 'idle' }))
    )
    render(<App />)
    const force = await screen.findByRole('button', { name: 'Force refresh' })
    expect(force.getAttribute('aria-disabled')).toBe('true')
    expect(force.getAttribute('title')).toBe('No token held: press Fetch first.')
    fireEvent.click(force)
    expect(desk.current.calls.forceRefreshToken).not.toHaveBeenCalled()
  })
})

describe('what the governor did, shown', () => {
  it('shows another system stomping on the app’s tokens, loud, with what to do', async () => {
    desk.current.calls.getToken.mockResolvedValue(
      ok(
        tokenView({
          profileId: 'c1',
          mode: 'classic',
          stomping: {
            countToday: 3,
            lastAt: Date.now(),
            lifetimeSeconds: 42,
            message: text(
              'Another system is fetching access_tokens for wx…: point it at the desk.',
              '另有系统…'
            )
          }
        })
      )
    )
    render(<App />)
    const panel = await tokenPanel()
    const report = within(panel)
      .getAllByRole('alert')
      .find((alert) => alert.textContent?.includes('Another system is fetching tokens for this app'))
    expect(report?.textContent).toContain('point it at the desk')
    expect(report?.textContent).toContain('3 times today')
    expect(report?.textContent).toContain('the token lived 42 s')
  })

  it('says when WeChat rejected the held token and the desk is replacing it', async () => {
    desk.current.calls.getToken.mockResolvedValue(
      ok(tokenView({ profileId: 'c1', mode: 'classic', rejected: true }))
    )
    render(<App />)
    const panel = await tokenPanel()
    within(panel).getByText('WeChat rejected the held token: the desk is replacing it.')
  })

  it('answers a remembered error with its pause and a “Retry now” that asks WeChat at once', async () => {
    const error = {
      code: 'wechat' as const,
      message: say('WeChat error 40164'),
      errcode: 40164,
      retryable: false
    }
    desk.current.calls.getToken.mockResolvedValue(
      ok(
        tokenView({
          profileId: 'c1',
          mode: 'classic',
          autoRefresh: 'stopped',
          remembered: { error, since: Date.now() - 60_000, nextTryAt: Date.now() + 60_000 },
          lastAttempt: { at: Date.now(), ok: false, trigger: 'fetch', reused: true, fromMemory: true, error }
        })
      )
    )
    render(<App />)
    const panel = await tokenPanel()
    within(panel).getByText(/WeChat’s answer is remembered until/)
    within(panel).getByText(/Answered from memory \(no WeChat call\)/)
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry now' }))
    await waitFor(() =>
      expect(desk.current.calls.refreshToken).toHaveBeenCalledWith({ id: 'c1', retryNow: true })
    )
  })
})
