// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fail } from '../../../src/shared/result'
import { AppFormDialog } from '../../../src/renderer/src/features/apps/app-form-dialog'
import { appView, say } from './fake-desk'
import { installFakeDesk } from './setup'

const desk = installFakeDesk()

function type(label: string, value: string): HTMLInputElement {
  const input = screen.getByLabelText<HTMLInputElement>(label)
  fireEvent.change(input, { target: { value } })
  return input
}

describe('the app form', () => {
  it('normalises a pasted “WX…” AppID, upper-case hex and stray spaces, and says so, instead of refusing', async () => {
    render(<AppFormDialog onClose={() => undefined} />)
    type('Name', 'Shop')
    const appId = type('AppID', ' WX1234567890ABCDEF')
    fireEvent.blur(appId)
    expect(appId.value).toBe('wx1234567890abcdef')
    const note = screen.getByText(/^Adjusted: spaces removed; “wx” in lower case; hex digits in lower case/)
    expect(appId.getAttribute('aria-describedby')?.split(' ')).toContain(note.id)
    expect(appId.getAttribute('aria-invalid')).toBe('false')

    // Typed and saved without leaving the field: normalised on the way out too.
    type('AppSecret', '0123456789ABCDEF0123456789ABCDEF')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(desk.current.calls.createApp).toHaveBeenCalledWith(
        expect.objectContaining({ appId: 'wx1234567890abcdef', secret: '0123456789abcdef0123456789abcdef' })
      )
    )
  })

  it('shows and hides the AppSecret on request', () => {
    render(<AppFormDialog onClose={() => undefined} />)
    const secret = type('AppSecret', '0123456789abcdef0123456789abcdef')
    expect(secret.type).toBe('password')
    fireEvent.click(screen.getByRole('button', { name: 'Show AppSecret' }))
    expect(secret.type).toBe('text')
    fireEvent.click(screen.getByRole('button', { name: 'Hide AppSecret' }))
    expect(secret.type).toBe('password')
  })

  it("shows main's issue under AppID and keeps everything typed", async () => {
    const issue = say('AppID: character 5 "Z" is upper-case; WeChat writes these in lower-case hex')
    desk.current.calls.createApp.mockResolvedValueOnce(
      fail({ code: 'invalid-input', message: issue, issues: [{ path: 'appId', message: issue }] })
    )
    render(<AppFormDialog onClose={() => undefined} />)
    screen.getByRole('dialog', { name: 'Add app' })

    type('Name', 'Shop')
    const appId = type('AppID', 'wx12Z456789abcdef0')
    type('AppSecret', '0123456789abcdef0123456789abcdef')
    fireEvent.change(screen.getByLabelText('Environment'), { target: { value: 'prod' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(issue.en)
    expect(appId.getAttribute('aria-invalid')).toBe('true')
    expect(appId.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id)
    expect(appId.value).toBe('wx12Z456789abcdef0')
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Shop')
    expect(screen.getByLabelText<HTMLInputElement>('AppSecret').value).toBe(
      '0123456789abcdef0123456789abcdef'
    )
    expect(screen.getByLabelText<HTMLSelectElement>('Environment').value).toBe('prod')
    expect(desk.current.calls.createApp).toHaveBeenCalledWith({
      name: 'Shop',
      appId: 'wx12Z456789abcdef0',
      secret: '0123456789abcdef0123456789abcdef',
      kind: 'official-account',
      env: 'prod',
      mode: 'stable'
    })
    await waitFor(() => expect(document.activeElement).toBe(appId))
  })

  it("reads main's issue paths from an update (draft.appId) too, and drops it once the field is edited", async () => {
    const issue = say('"Shop" already uses this AppID.')
    desk.current.calls.updateApp.mockResolvedValueOnce(
      fail({ code: 'invalid-input', message: issue, issues: [{ path: 'draft.appId', message: issue }] })
    )
    const app = appView({ id: 'p1', name: 'Shop 2', isSandbox: false, secretPersistence: 'encrypted' })
    render(<AppFormDialog app={app} onClose={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect((await screen.findByRole('alert')).textContent).toBe(issue.en)
    type('AppID', 'wx0123456789abcdee')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('on edit, an empty AppSecret keeps the stored one and shows its mask', async () => {
    const onClose = vi.fn()
    const app = appView({ id: 'p1', name: 'Shop', isSandbox: false, apiBase: 'https://api.weixin.qq.com' })
    render(<AppFormDialog app={app} onClose={onClose} />)

    screen.getByRole('dialog', { name: 'Edit app' })
    expect(screen.getByLabelText<HTMLInputElement>('AppSecret').placeholder).toBe('••••••••f9e0')
    type('Name', 'Shop (renamed)')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onClose).toHaveBeenCalled())
    const call = desk.current.calls.updateApp.mock.calls[0]?.[0]
    expect(call?.id).toBe('p1')
    expect(call?.draft.name).toBe('Shop (renamed)')
    expect(call?.draft).not.toHaveProperty('secret')
  })

  it('has every field labelled, and Esc closes it', () => {
    const onClose = vi.fn()
    render(<AppFormDialog onClose={onClose} />)
    const dialog = screen.getByRole('dialog', { name: 'Add app' })
    for (const label of ['Name', 'AppID', 'AppSecret', 'Kind', 'Environment', 'Token mode', 'API base URL']) {
      within(dialog).getByLabelText(label)
    }
    expect(screen.getByLabelText<HTMLInputElement>('AppSecret').type).toBe('password')
    expect(screen.getByLabelText<HTMLInputElement>('API base URL').placeholder).toBe(
      'https://api.weixin.qq.com'
    )
    const kinds = within(screen.getByLabelText('Kind')).getAllByRole('option')
    expect(kinds.map((option) => option.textContent)).toEqual([
      'Official Account',
      'Mini Program',
      'Test account'
    ])
    const modes = within(screen.getByLabelText('Token mode')).getAllByRole('option')
    expect(modes.map((option) => option.textContent)).toEqual([
      'Stable (recommended)',
      'Classic',
      'Remote (another 中控)'
    ])

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('asks for the token server and its key in remote mode, and sends them', async () => {
    const onClose = vi.fn()
    render(<AppFormDialog onClose={onClose} />)
    expect(screen.queryByLabelText('Token server URL')).toBeNull()

    type('Name', 'Team shop')
    type('AppID', 'wx0123456789abcdef')
    fireEvent.change(screen.getByLabelText('Token mode'), { target: { value: 'remote' } })
    type('Token server URL', 'http://192.168.1.20:17180/')
    type('API key', 'k'.repeat(24))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(desk.current.calls.createApp).toHaveBeenCalledWith({
      name: 'Team shop',
      appId: 'wx0123456789abcdef',
      kind: 'official-account',
      env: 'dev',
      mode: 'remote',
      remoteUrl: 'http://192.168.1.20:17180/',
      remoteKey: 'k'.repeat(24)
    })
  })

  it('sends the OAuth callback domains, one per line or comma-separated', async () => {
    const onClose = vi.fn()
    render(<AppFormDialog onClose={onClose} />)
    type('Name', 'Shop')
    type('AppID', 'wx0123456789abcdef')
    type('AppSecret', '0123456789abcdef0123456789abcdef')
    const domains = screen.getByLabelText<HTMLTextAreaElement>('OAuth callback domains')
    expect(domains.tagName).toBe('TEXTAREA')
    expect(domains.getAttribute('aria-describedby')).toBeTruthy()
    fireEvent.change(domains, { target: { value: 'www.example.com\n192.168.1.20:8080, ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(desk.current.calls.createApp.mock.calls[0]?.[0].oauthDomains).toEqual([
      'www.example.com',
      '192.168.1.20:8080'
    ])
  })

  it("hints while typing and shows main's issue under the OAuth callback domains", async () => {
    const issue = say('WeChat takes at most 2 网页授权 domains; this list has 3')
    desk.current.calls.updateApp.mockResolvedValueOnce(
      fail({
        code: 'invalid-input',
        message: issue,
        issues: [{ path: 'draft.oauthDomains', message: issue }]
      })
    )
    render(<AppFormDialog app={appView()} onClose={() => undefined} />)
    const domains = type('OAuth callback domains', 'https://a.example.com')
    fireEvent.blur(domains)
    expect(screen.getByText(/without a scheme/)).toBeTruthy()

    fireEvent.change(domains, { target: { value: 'a.com, b.com, c.com' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(issue.en)
    expect(domains.getAttribute('aria-invalid')).toBe('true')
    expect(domains.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id)
    expect(domains.value).toBe('a.com, b.com, c.com')
    expect(desk.current.calls.updateApp.mock.calls[0]?.[0].draft.oauthDomains).toEqual([
      'a.com',
      'b.com',
      'c.com'
    ])
  })

  it('on edit, leaves unchanged domains out (main keeps them) and sends a changed list', async () => {
    const onClose = vi.fn()
    const app = appView({ id: 'p1', isSandbox: false, oauthDomains: ['www.example.com'] })
    const { unmount } = render(<AppFormDialog app={app} onClose={onClose} />)
    expect(screen.getByLabelText<HTMLTextAreaElement>('OAuth callback domains').value).toBe('www.example.com')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1))
    expect(desk.current.calls.updateApp.mock.calls[0]?.[0].draft).not.toHaveProperty('oauthDomains')
    unmount()

    render(<AppFormDialog app={app} onClose={onClose} />)
    type('OAuth callback domains', '')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(2))
    expect(desk.current.calls.updateApp.mock.calls[1]?.[0].draft.oauthDomains).toEqual([])
  })

  it('lets the sandbox edit its domains, though its AppID and secret are bound', () => {
    render(<AppFormDialog app={appView()} onClose={() => undefined} />)
    expect(screen.getByLabelText<HTMLInputElement>('AppID').readOnly).toBe(true)
    expect(screen.getByLabelText<HTMLTextAreaElement>('OAuth callback domains').readOnly).toBe(false)
  })
})
