// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import { showAppTab, useViewStore } from '../../../src/renderer/src/app/view-store'
import { useCallLogStore } from '../../../src/renderer/src/features/call-log/call-log-store'
import { consoleResponse } from './fake-desk'
import { installFakeDesk } from './setup'

const desk = installFakeDesk()

beforeEach(() => {
  showAppTab('console')
})

async function openConsole(): Promise<HTMLElement> {
  render(<App />)
  const form = await screen.findByRole('form', { name: 'Request' })
  await waitFor(() => expect(desk.current.calls.getConsoleState).toHaveBeenCalled())
  return form.closest('.console-panel') as HTMLElement
}

describe('the API console tab', () => {
  it('finds an API by its Chinese name and puts its template in the composer', async () => {
    const panel = await openConsole()
    fireEvent.change(within(panel).getByRole('searchbox', { name: 'Search APIs' }), {
      target: { value: '小程序码' }
    })
    fireEvent.click(within(panel).getByRole('button', { name: /A Mini Program code/ }))
    expect(within(panel).getByLabelText<HTMLInputElement>('Request path').value).toBe(
      '/wxa/getwxacodeunlimit'
    )
    expect(within(panel).getByLabelText<HTMLTextAreaElement>('Body (JSON)').value).toContain('"scene"')
  })

  it('names where a JSON body breaks', async () => {
    const panel = await openConsole()
    fireEvent.click(within(panel).getByRole('radio', { name: 'JSON' }))
    fireEvent.change(within(panel).getByLabelText('Body (JSON)'), {
      target: { value: '{\n "a": 1\n "b": 2}' }
    })
    expect(within(panel).getByRole('alert').textContent).toBe(
      'Not JSON at line 3, column 2: unexpected “"” (a missing comma, colon or quote?)'
    )
  })

  it('sends with Ctrl+Enter, keeps the focus where it was, and decodes the errcode with Look up for its rid', async () => {
    desk.current.calls.sendConsoleRequest.mockResolvedValueOnce(
      ok({
        response: consoleResponse({
          body: {
            kind: 'text',
            text: '{"errcode":40001,"errmsg":"invalid credential rid: 6176aa9a-2f0c7d4b-5a1e2d3c"}',
            json: true
          },
          errcode: 40001,
          errmsg: 'invalid credential rid: 6176aa9a-2f0c7d4b-5a1e2d3c',
          rid: '6176aa9a-2f0c7d4b-5a1e2d3c'
        }),
        state: { profileId: 'sandbox', history: [], saved: [] }
      })
    )
    const panel = await openConsole()
    const path = within(panel).getByLabelText<HTMLInputElement>('Request path')
    path.focus()
    fireEvent.keyDown(path, { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(desk.current.calls.sendConsoleRequest).toHaveBeenCalledTimes(1))
    expect(desk.current.calls.sendConsoleRequest.mock.calls[0]?.[0]).toMatchObject({
      id: 'sandbox',
      request: { method: 'GET', path: '/cgi-bin/getcallbackip' }
    })
    const decoded = await within(panel).findByRole('note', { name: 'errcode 40001' })
    expect(decoded.textContent).toMatch(/40001/)
    expect(
      within(decoded).getByRole('button', { name: 'Look up rid 6176aa9a-2f0c7d4b-5a1e2d3c' })
    ).toBeTruthy()
    expect(document.activeElement).toBe(path)
  })

  it('asks before a quota reset, saying WeChat allows 10 a month', async () => {
    const panel = await openConsole()
    fireEvent.click(within(panel).getByRole('button', { name: 'clear_quota/v2 (AppSecret)…' }))
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Reset every daily quota of this account?'
    })
    expect(dialog.textContent).toContain('10 resets a month')
    expect(desk.current.calls.sendConsoleRequest).not.toHaveBeenCalled()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset the quotas' }))
    await waitFor(() =>
      expect(desk.current.calls.sendConsoleRequest).toHaveBeenCalledWith(
        expect.objectContaining({
          confirmed: true,
          request: expect.objectContaining({ path: '/cgi-bin/clear_quota/v2' })
        })
      )
    )
  })

  it('keeps a searchable history, and opens an entry in the call log', async () => {
    const panel = await openConsole()
    fireEvent.click(within(panel).getByRole('button', { name: 'Send' }))
    const history = await within(panel).findByRole('list', { name: 'History' })
    await within(history).findByRole('button', { name: 'Open GET /cgi-bin/getcallbackip' })
    fireEvent.change(within(panel).getByRole('searchbox', { name: 'Search history' }), {
      target: { value: 'menu' }
    })
    expect(within(panel).getByText('Nothing matches.')).toBeTruthy()
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Open in the call log' })[0] as HTMLElement)
    expect(useViewStore.getState().appTab).toBe('token')
    expect(useCallLogStore.getState().focusId).toBe(1)
  })
})
