// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../src/shared/result'
import type { CallLogEntry } from '../../../src/shared/contract'
import { App } from '../../../src/renderer/src/app/app'
import { appView, say } from './fake-desk'
import { installFakeDesk } from './setup'

const sandbox = appView()
const shop = appView({
  id: 'p1',
  name: 'Shop',
  env: 'prod',
  isSandbox: false,
  secretPersistence: 'encrypted'
})

const desk = installFakeDesk(() => ({ apps: [sandbox, shop], preferences: { selectedAppId: null } }))

function entry(id: number, profileId: string, overrides: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    id,
    at: Date.now() + id * 1000,
    profileId,
    endpoint: '/cgi-bin/stable_token',
    method: 'POST',
    url: 'http://127.0.0.1:4010/cgi-bin/stable_token',
    httpStatus: 200,
    errcode: null,
    rid: null,
    durationMs: 10 + id,
    outcome: 'ok',
    detail: null,
    source: 'desk',
    callerPort: null,
    requestBytes: 0,
    responseBytes: 60,
    flags: [],
    hasDetail: false,
    ...overrides
  }
}

const bodyRows = (): HTMLElement[] =>
  within(screen.getByRole('table', { name: 'Call log' }))
    .getAllByRole('row')
    .slice(1)

describe('the workspace', () => {
  it('selects the first app on first run, remembers it, and loads its token and call log', async () => {
    render(<App />)
    await screen.findByRole('heading', { level: 1, name: 'Sandbox (offline emulator)' })
    expect(desk.current.calls.getToken).toHaveBeenCalledWith({ id: 'sandbox' })
    expect(desk.current.calls.listCallLog).toHaveBeenCalledWith({ id: 'sandbox' })
    expect(desk.current.calls.updatePreferences).toHaveBeenCalledWith({ selectedAppId: 'sandbox' })

    const apps = screen.getByRole('navigation', { name: 'Apps' })
    fireEvent.click(within(apps).getByRole('button', { name: /^Shop/ }))
    await screen.findByRole('heading', { level: 1, name: 'Shop' })
    expect(desk.current.calls.getToken).toHaveBeenLastCalledWith({ id: 'p1' })
    expect(desk.current.calls.updatePreferences).toHaveBeenLastCalledWith({ selectedAppId: 'p1' })
    expect(screen.queryByRole('region', { name: 'Emulator' })).toBeNull()
  })

  it("shows the selected app's calls newest first, live, and clears them", async () => {
    desk.current.calls.listCallLog.mockResolvedValueOnce(
      ok([entry(1, 'sandbox'), entry(2, 'sandbox', { errcode: 40164, rid: '654df33c-1a2b3c4d-5e6f7a8b' })])
    )
    render(<App />)
    await waitFor(() => expect(bodyRows()).toHaveLength(2))
    expect(bodyRows()[0]?.textContent).toContain('40164')

    act(() => {
      desk.current.emit('callLogged', entry(3, 'sandbox', { durationMs: 777 }))
      desk.current.emit('callLogged', entry(4, 'p1', { durationMs: 888 }))
    })
    expect(bodyRows()).toHaveLength(3)
    expect(bodyRows()[0]?.textContent).toContain('777')
    expect(screen.queryByText('888')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    await screen.findByText('No calls yet.')
    expect(desk.current.calls.clearCallLog).toHaveBeenCalled()
  })

  it('injects emulator faults for the sandbox', async () => {
    render(<App />)
    const emulator = await screen.findByRole('region', { name: 'Emulator' })
    await within(emulator).findByText('Running at http://127.0.0.1:4010')

    fireEvent.change(within(emulator).getByLabelText('Fault'), { target: { value: 'quota' } })
    fireEvent.change(within(emulator).getByLabelText('Count'), { target: { value: '2' } })
    fireEvent.click(within(emulator).getByRole('button', { name: 'Inject fault' }))

    await waitFor(() =>
      expect(
        within(emulator)
          .getAllByRole('listitem')
          .map((item) => item.textContent)
      ).toEqual(['quota 45009', 'quota 45009'])
    )
    expect(desk.current.calls.injectEmulatorFault).toHaveBeenCalledWith({ fault: 'quota', count: 2 })
  })

  it('shows the faults still queued as main reports them, without asking again after each call', async () => {
    render(<App />)
    const emulator = await screen.findByRole('region', { name: 'Emulator' })
    await within(emulator).findByText('Running at http://127.0.0.1:4010')

    act(() => {
      desk.current.emit('emulatorChanged', {
        running: true,
        url: 'http://127.0.0.1:4010',
        pendingFaults: ['ip-whitelist', 'quota']
      })
    })
    expect(
      within(emulator)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual(['IP whitelist 40164', 'quota 45009'])

    act(() => {
      desk.current.emit('callLogged', entry(5, 'sandbox'))
      desk.current.emit('emulatorChanged', {
        running: true,
        url: 'http://127.0.0.1:4010',
        pendingFaults: ['quota']
      })
    })
    expect(
      within(emulator)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual(['quota 45009'])
    expect(desk.current.calls.getEmulatorStatus).toHaveBeenCalledTimes(1)
  })

  it('does not offer Delete for the sandbox, and says why where the button would be', async () => {
    render(<App />)
    await screen.findByRole('heading', { level: 1, name: 'Sandbox (offline emulator)' })
    expect(screen.queryByRole('button', { name: 'Delete app' })).toBeNull()
    expect(screen.getByText(/the sandbox cannot be deleted/)).toBeTruthy()
  })

  it("shows main's refusal to delete an app and keeps the app", async () => {
    desk.current.calls.deleteApp.mockResolvedValueOnce(
      fail({ code: 'guard', message: say('This app cannot be deleted right now.') })
    )
    const shop = appView({ id: 'shop', name: 'Shop', isSandbox: false })
    desk.current.calls.listApps.mockResolvedValue(ok([shop]))
    render(<App />)
    fireEvent.click(await screen.findByRole('button', { name: 'Delete app' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete app?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }))

    expect((await within(dialog).findByRole('alert')).textContent).toContain('cannot be deleted')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Shop' })).toBeTruthy()
  })
})
