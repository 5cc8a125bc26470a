// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { LocalApiRequestEntry, LocalApiStatus } from '../../../src/shared/contract/local-api'
import { fail, ok, type DeskError } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import {
  appView,
  createFakeDesk,
  FREE_PORT,
  LOCAL_API_KEY,
  localApiStatus,
  ROTATED_LOCAL_API_KEY,
  runningLocalApi,
  say,
  type FakeDeskState
} from './fake-desk'
import { installFakeDesk } from './setup'

const sandbox = appView({ appId: 'wx5e1d0c7a3b9f2468' })
const shop = appView({ id: 'p1', name: 'Shop', appId: 'wx0123456789abcdef', isSandbox: false })

const state = (localApi = localApiStatus()): FakeDeskState => ({
  apps: [sandbox, shop],
  preferences: { selectedAppId: 'sandbox' },
  localApi
})
const desk = installFakeDesk(state)

/** A fresh fake desk whose local API starts as `status`. */
function given(status: LocalApiStatus): void {
  desk.current = createFakeDesk(state(status))
  window.desk = desk.current.api
}

async function openLocalApi(status = localApiStatus()): Promise<HTMLElement> {
  given(status)
  render(<App />)
  await screen.findByRole('heading', { level: 1, name: 'Sandbox (offline emulator)' })
  fireEvent.click(screen.getByRole('button', { name: 'Local API' }))
  const panel = await screen.findByRole('region', { name: 'Local API' })
  await within(panel).findByRole('switch', { name: 'Serve the local API' })
  await waitFor(() => expect(serverSwitch(panel).hasAttribute('disabled')).toBe(false))
  return panel
}

const serverSwitch = (panel: HTMLElement): HTMLElement =>
  within(panel).getByRole('switch', { name: 'Serve the local API' })

const type = (scope: HTMLElement, label: string, value: string): HTMLInputElement => {
  const input = within(scope).getByLabelText<HTMLInputElement>(label)
  fireEvent.change(input, { target: { value } })
  return input
}

/** Whether `value` is anywhere in the page: markup, attributes or a form control's current value. */
function inPage(value: string): boolean {
  if (document.body.innerHTML.includes(value)) return true
  return Array.from(
    document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')
  ).some((control) => control.value.includes(value))
}

function request(id: number, overrides: Partial<LocalApiRequestEntry> = {}): LocalApiRequestEntry {
  return {
    id,
    at: Date.now() + id * 1000,
    method: 'GET',
    route: `/v1/apps/wx5e1d0c7a3b9f2468/access-token`,
    status: 200,
    callerPort: 50_000 + id,
    durationMs: 1.25,
    ...overrides
  }
}

describe('the Local API panel', () => {
  it('is its own sidebar entry below the app list; an app brings its workspace back', async () => {
    render(<App />)
    await screen.findByRole('heading', { level: 1, name: 'Sandbox (offline emulator)' })
    const nav = screen.getByRole('navigation', { name: 'Apps' })
    const entry = screen.getByRole('button', { name: 'Local API' })
    // A native button after the list: reached with Tab, after the apps.
    expect(entry.tagName).toBe('BUTTON')
    expect(entry.tabIndex).toBe(0)
    expect(nav.compareDocumentPosition(entry) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(entry.getAttribute('aria-current')).toBeNull()

    fireEvent.click(entry)
    await screen.findByRole('heading', { level: 1, name: 'Local API' })
    expect(entry.getAttribute('aria-current')).toBe('page')
    expect(
      within(nav)
        .getByRole('button', { name: /^Sandbox/ })
        .getAttribute('aria-current')
    ).toBeNull()
    expect(screen.queryByRole('region', { name: 'Token' })).toBeNull()

    fireEvent.click(within(nav).getByRole('button', { name: /^Sandbox/ }))
    await screen.findByRole('heading', { level: 1, name: 'Sandbox (offline emulator)' })
    expect(entry.getAttribute('aria-current')).toBeNull()
    expect(
      within(nav)
        .getByRole('button', { name: /^Sandbox/ })
        .getAttribute('aria-current')
    ).toBe('true')
  })

  it('turns on where the form says (port 0 = any free port), shows the address, and turns off', async () => {
    const panel = await openLocalApi()
    expect(serverSwitch(panel).getAttribute('aria-checked')).toBe('false')
    within(panel).getByText('Off: nothing listens.')

    type(panel, 'Port', '0')
    within(panel).getByText('Not applied yet.')
    fireEvent.click(serverSwitch(panel))

    await within(panel).findByText(`http://127.0.0.1:${FREE_PORT}`)
    expect(desk.current.calls.setLocalApi).toHaveBeenCalledWith({
      host: '127.0.0.1',
      port: 0,
      allowNonLoopback: false,
      enabled: true
    })
    expect(serverSwitch(panel).getAttribute('aria-checked')).toBe('true')
    expect(serverSwitch(panel).getAttribute('aria-describedby')).toBe(
      within(panel).getByText(/^Listening on/).id
    )
    within(panel).getByText('(port 0: any free port)')
    expect(screen.getByRole('button', { name: 'Local API' }).textContent).toContain(`:${FREE_PORT}`)
    expect(within(panel).queryByText('Not applied yet.')).toBeNull()

    fireEvent.click(serverSwitch(panel))
    await within(panel).findByText('Off: nothing listens.')
    expect(desk.current.calls.setLocalApi).toHaveBeenLastCalledWith({ enabled: false })
  })

  it('says once why it is not running when the port is taken', async () => {
    const taken: DeskError = {
      code: 'guard',
      message: say('Port 17180 on 127.0.0.1 is already in use by another program.'),
      retryable: true
    }
    const panel = await openLocalApi()
    desk.current.calls.setLocalApi.mockResolvedValueOnce(fail(taken))
    desk.current.calls.getLocalApi.mockResolvedValue(ok(localApiStatus({ enabled: true, lastError: taken })))
    fireEvent.click(serverSwitch(panel))

    const alerts = await within(panel).findAllByRole('alert')
    expect(alerts.filter((alert) => alert.textContent?.includes('already in use'))).toHaveLength(1)
    within(panel).getByText('On, but not running:')
    within(panel).getByText('Not running')
    expect(serverSwitch(panel).getAttribute('aria-checked')).toBe('true')
  })

  it('refuses a non-loopback address until it is allowed explicitly, then shows the warning', async () => {
    const panel = await openLocalApi()
    const address = type(panel, 'Address', '192.168.1.20')
    fireEvent.click(within(panel).getByRole('button', { name: 'Apply' }))
    within(panel).getByText(/tick “Allow a non-loopback address” first/)
    expect(address.getAttribute('aria-invalid')).toBe('true')
    expect(desk.current.calls.setLocalApi).not.toHaveBeenCalled()

    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Allow a non-loopback address' }))
    within(panel).getByText(/Other machines could then reach the API over plain HTTP/)
    fireEvent.click(within(panel).getByRole('button', { name: 'Apply' }))
    await within(panel).findByText(/The local API listens on 192\.168\.1\.20/)
    expect(desk.current.calls.setLocalApi).toHaveBeenCalledWith({
      host: '192.168.1.20',
      port: 17180,
      allowNonLoopback: true
    })
    expect(within(panel).getByRole('status').textContent).toBe('Saved.')
  })

  it("shows main's verdict on the address under the field and keeps what was typed", async () => {
    const issue = say('"my-laptop" is not an IP address.')
    const panel = await openLocalApi()
    desk.current.calls.setLocalApi.mockResolvedValueOnce(
      fail({ code: 'invalid-input', message: issue, issues: [{ path: 'host', message: issue }] })
    )
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Allow a non-loopback address' }))
    const address = type(panel, 'Address', 'my-laptop')
    fireEvent.click(within(panel).getByRole('button', { name: 'Apply' }))

    const alert = await within(panel).findByRole('alert')
    expect(alert.textContent).toBe(issue.en)
    expect(address.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id)
    expect(address.value).toBe('my-laptop')
    expect(desk.current.calls.setLocalApi).toHaveBeenCalledWith({
      host: 'my-laptop',
      port: 17180,
      allowNonLoopback: true
    })
  })

  it('keeps the key out of the page until Reveal; Hide and leaving the panel drop it again', async () => {
    const panel = await openLocalApi(runningLocalApi())
    const key = within(panel).getByRole<HTMLInputElement>('textbox', { name: 'API key' })
    expect(key.value).toBe(`••••••••${LOCAL_API_KEY.slice(-4)}`)
    expect(inPage(LOCAL_API_KEY)).toBe(false)

    fireEvent.click(within(panel).getByRole('button', { name: 'Reveal key' }))
    await waitFor(() => expect(key.value).toBe(LOCAL_API_KEY))
    fireEvent.click(within(panel).getByRole('button', { name: 'Hide key' }))
    expect(inPage(LOCAL_API_KEY)).toBe(false)

    fireEvent.click(within(panel).getByRole('button', { name: 'Reveal key' }))
    await waitFor(() => expect(inPage(LOCAL_API_KEY)).toBe(true))
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Apps' })).getByRole('button', { name: /^Sandbox/ })
    )
    await screen.findByRole('heading', { level: 1, name: 'Sandbox (offline emulator)' })
    fireEvent.click(screen.getByRole('button', { name: 'Local API' }))
    await screen.findByRole('heading', { level: 1, name: 'Local API' })
    expect(inPage(LOCAL_API_KEY)).toBe(false)
  })

  it('copies the key without showing it, and rotates only after confirmation', async () => {
    const panel = await openLocalApi(runningLocalApi())
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy key' }))
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('Key copied.'))
    expect(desk.current.calls.copyLocalApiKey).toHaveBeenCalledTimes(1)
    expect(inPage(LOCAL_API_KEY)).toBe(false)

    fireEvent.click(within(panel).getByRole('button', { name: 'Rotate key…' }))
    let dialog = screen.getByRole('alertdialog', { name: 'Rotate the API key?' })
    expect(dialog.textContent).toContain('get 401 from now on')
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(desk.current.calls.rotateLocalApiKey).not.toHaveBeenCalled()

    fireEvent.click(within(panel).getByRole('button', { name: 'Rotate key…' }))
    dialog = screen.getByRole('alertdialog', { name: 'Rotate the API key?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate key' }))
    await waitFor(() =>
      expect(within(panel).getByRole<HTMLInputElement>('textbox', { name: 'API key' }).value).toBe(
        `••••••••${ROTATED_LOCAL_API_KEY.slice(-4)}`
      )
    )
    expect(within(panel).getByRole('status').textContent).toBe('New key generated: give it to every caller.')
  })

  it('counts requests live and lists the newest first with route, status, errcode, caller port and time', async () => {
    const panel = await openLocalApi(runningLocalApi({ requestCount: 1, recentRequests: [request(1)] }))
    const table = within(panel).getByRole('table', { name: 'Recent requests' })
    within(panel).getByText('1 request this session')
    expect(within(table).getAllByRole('row')).toHaveLength(2)

    act(() => {
      desk.current.emit('localApiRequest', {
        total: 3,
        entries: [request(2, { status: 401, callerPort: null }), request(3, { route: '/v1/apps' })]
      })
    })
    within(panel).getByText('3 requests this session')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    const cells = (row: HTMLElement | undefined): string[] =>
      within(row!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? '')
    expect(cells(rows[0])).toEqual([
      expect.stringMatching(/^\d{2}:\d{2}:\d{2}$/),
      'GET /v1/apps',
      '200',
      '—',
      '50003',
      '1.3'
    ])
    expect(cells(rows[1]).slice(1, 5)).toEqual([
      'GET /v1/apps/wx5e1d0c7a3b9f2468/access-token',
      '401',
      '—',
      '—'
    ])
  })

  it('shows the errcode of a WeChat-style refusal and marks it refused, though its HTTP status is 200', async () => {
    const refused = request(1, { route: '/cgi-bin/token', status: 200, errcode: 40125 })
    const answered = request(2, { route: '/cgi-bin/token', status: 200 })
    const panel = await openLocalApi(
      runningLocalApi({ requestCount: 2, recentRequests: [answered, refused] })
    )
    const table = within(panel).getByRole('table', { name: 'Recent requests' })
    const [okRow, refusedRow] = within(table).getAllByRole('row').slice(1)
    expect(refusedRow?.getAttribute('data-outcome')).toBe('wechat-error')
    expect(within(refusedRow!).getByText('40125').className).toContain('danger-text')
    expect(within(refusedRow!).getByText('200').className).toContain('danger-text')
    expect(okRow?.getAttribute('data-outcome')).toBe('ok')
    expect(within(okRow!).getByText('200').className).not.toContain('danger-text')
  })

  it('shows snippets for the chosen app without the key, one tab each, and copies with the key', async () => {
    const panel = await openLocalApi(runningLocalApi())
    const snippets = within(panel).getByRole('region', { name: 'Snippets' })
    const tablist = await within(snippets).findByRole('tablist', { name: 'SDKs and tools' })
    expect(desk.current.calls.getLocalApiSnippets).toHaveBeenCalledWith({ id: 'sandbox', language: 'en' })
    expect(
      within(tablist)
        .getAllByRole('tab')
        .map((tab) => tab.textContent)
    ).toEqual([
      'curl',
      'Node.js (fetch / undici)',
      'Java · WxJava',
      'PHP · EasyWeChat 6',
      'Python · wechatpy',
      'Go · silenceper/wechat',
      'Node.js · co-wechat-api',
      'Postman environment'
    ])
    const curl = within(snippets).getByRole('tabpanel', { name: 'curl' })
    expect(within(curl).getByLabelText('curl snippet').textContent).toBe(
      `curl -sS -H "Authorization: Bearer $DESK_API_KEY" 'http://127.0.0.1:17180/v1/apps/wx5e1d0c7a3b9f2468/access-token'`
    )
    expect(curl.textContent).toContain('“Copy snippet” puts the real key in')

    const curlTab = within(tablist).getByRole('tab', { name: 'curl' })
    curlTab.focus()
    fireEvent.keyDown(curlTab, { key: 'ArrowRight' })
    const node = within(tablist).getByRole('tab', { name: 'Node.js (fetch / undici)' })
    expect(node.getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(node)
    fireEvent.keyDown(node, { key: 'End' })
    const postman = within(snippets).getByRole('tabpanel', { name: 'Postman environment' })
    fireEvent.click(within(postman).getByRole('button', { name: 'Copy snippet' }))
    await waitFor(() =>
      expect(within(panel).getByRole('status').textContent).toBe(
        'Postman environment copied with the real key.'
      )
    )
    expect(desk.current.calls.copyLocalApiSnippet).toHaveBeenCalledWith({
      id: 'sandbox',
      snippet: 'postman-environment',
      language: 'en'
    })
    expect(inPage(LOCAL_API_KEY)).toBe(false)

    fireEvent.change(within(snippets).getByLabelText('For app'), { target: { value: 'p1' } })
    await waitFor(() =>
      expect(desk.current.calls.getLocalApiSnippets).toHaveBeenLastCalledWith({ id: 'p1', language: 'en' })
    )
    await within(snippets).findByText(/wx0123456789abcdef/)
  })

  it('speaks Chinese with the rest of the interface', async () => {
    const panel = await openLocalApi(runningLocalApi())
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } })
    await waitFor(() => within(panel).getByRole('switch', { name: '启用本地 API' }))
    within(panel).getByRole('heading', { level: 1, name: '本地 API' })
    within(panel).getByRole('button', { name: '显示密钥' })
    within(panel).getByRole('table', { name: '最近的请求' })
    screen.getByRole('button', { name: '本地 API' })
  })
})
