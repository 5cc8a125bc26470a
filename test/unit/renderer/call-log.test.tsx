// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../src/shared/result'
import type { CallDetail, CallLogEntry } from '../../../src/shared/contract'
import { App } from '../../../src/renderer/src/app/app'
import { appView } from './fake-desk'
import { installFakeDesk } from './setup'

const sandbox = appView()
const desk = installFakeDesk(() => ({ apps: [sandbox], preferences: { selectedAppId: null } }))

function entry(id: number, overrides: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    id,
    at: Date.now() + id * 1000,
    profileId: 'sandbox',
    source: 'gateway',
    callerPort: 51000 + id,
    endpoint: '/cgi-bin/menu/create',
    method: 'POST',
    url: 'http://127.0.0.1:4010/cgi-bin/menu/create?access_token=***',
    httpStatus: 200,
    errcode: null,
    rid: null,
    durationMs: 12,
    outcome: 'ok',
    detail: null,
    requestBytes: 14,
    responseBytes: 27,
    flags: [],
    hasDetail: true,
    ...overrides
  }
}

const table = () => screen.getByRole('table', { name: 'Call log' })
const bodyRows = (): HTMLElement[] => within(table()).getAllByRole('row').slice(1)

describe('the call log as traffic inspector', () => {
  it('shows caller, errcode meaning and flags on one line per call, and filters by path, errcode and source', async () => {
    desk.current.calls.listCallLog.mockResolvedValueOnce(
      ok([
        entry(3, { errcode: 40001, outcome: 'error', flags: ['retried'] }),
        entry(2, { flags: ['healed'] }),
        entry(1, { source: 'desk', endpoint: '/cgi-bin/stable_token', callerPort: null })
      ])
    )
    render(<App />)
    await waitFor(() => expect(bodyRows()).toHaveLength(3))
    const [retried, healed] = bodyRows()
    expect(retried?.textContent).toContain('51003')
    expect(retried?.textContent).toContain('40001')
    expect(retried?.textContent).toMatch(/token/i)
    expect(within(healed!).getByText('healed')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('errcode', { selector: 'input' }), { target: { value: '40001' } })
    expect(bodyRows()).toHaveLength(1)
    fireEvent.change(screen.getByLabelText('errcode', { selector: 'input' }), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: 'stable' } })
    expect(bodyRows()).toHaveLength(1)
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'gateway' } })
    expect(bodyRows()).toHaveLength(2)
  })

  it('opens a call on its message, header fields and bodies, and copies it as curl', async () => {
    const long = `HTTP 502: <html>${'<p>bad gateway</p>'.repeat(200)}</html>`
    const call = entry(7, { httpStatus: 502, outcome: 'error', detail: long })
    const detail: CallDetail = {
      entry: call,
      request: {
        headers: [['content-type', 'application/json']],
        body: { text: '{"button":[]}', contentType: 'application/json', bytes: 13, truncated: false }
      },
      response: {
        headers: [['content-type', 'text/html']],
        body: { text: null, contentType: 'image/jpeg', bytes: 2048, truncated: false }
      }
    }
    desk.current.calls.listCallLog.mockResolvedValueOnce(ok([call]))
    desk.current.calls.getCallDetail.mockResolvedValueOnce(ok(detail))
    render(<App />)
    await waitFor(() => expect(bodyRows()).toHaveLength(1))
    // The long message stays in a cell that cuts it; the whole of it is in the details.
    expect(
      within(bodyRows()[0]!)
        .getByText(/bad gateway/)
        .closest('td')?.className
    ).toContain('cut')

    fireEvent.click(screen.getByRole('button', { name: 'Details of this call 7' }))
    const details = await screen.findByRole('region', { name: 'Details of this call' })
    expect(desk.current.calls.getCallDetail).toHaveBeenCalledWith({ id: 7 })
    expect(within(details).getByText('{"button":[]}')).toBeTruthy()
    expect(within(details).getByText('Binary body: 2048 bytes, image/jpeg.')).toBeTruthy()
    expect(within(details).getByText(long)).toBeTruthy()

    fireEvent.click(within(details).getByRole('button', { name: 'Copy as curl' }))
    await within(details).findByRole('status')
    expect(desk.current.calls.copyCallAsCurl).toHaveBeenCalledWith({ id: 7 })
  })

  it('shows every app’s calls on request, refusals of unknown apps included, live', async () => {
    render(<App />)
    await screen.findByText('No calls yet.')
    desk.current.calls.listCallLog.mockResolvedValueOnce(ok([entry(1, { profileId: null, errcode: 40013 })]))
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } })
    await waitFor(() => expect(bodyRows()).toHaveLength(1))
    expect(desk.current.calls.listCallLog).toHaveBeenLastCalledWith({})
    expect(bodyRows()[0]?.textContent).toContain('no app')
    act(() => desk.current.emit('callLogged', entry(2, { profileId: 'elsewhere' })))
    expect(bodyRows()).toHaveLength(2)
  })
})
