import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, test } from './fixtures'
import { LocalApiPanel } from './pages/local-api'

const run = promisify(execFile)

// The desk as 中控 server, from the UI: turned on in the panel, used by a pasted curl command, seen answering.

test('turn the local API on, paste the curl snippet into a shell, and see the request in the panel', async ({
  desk
}) => {
  const api = new LocalApiPanel(desk.page)
  await api.open()
  await expect(api.switch).not.toBeChecked()

  // Port 0: any free port, so the test never collides with a desk running on this machine.
  const url = await api.enable(0)
  const status = desk.services.localApi.status()
  expect(status.host).toBe('127.0.0.1')
  expect(status.url).toBe(url)
  await expect(api.region.getByText('0 requests this session')).toBeVisible()

  // On screen the snippet reads the key from the environment; the copy carries the real key.
  const curl = api.snippets.getByRole('tabpanel', { name: 'curl' })
  await expect(curl.getByLabel('curl snippet')).toContainText('$DESK_API_KEY')
  await expect(curl).toContainText('“Copy snippet” puts the real key in')
  await api.copySnippet('curl')
  const command = desk.clipboard.text ?? ''
  const key = desk.services.localApi.revealKey()
  expect(command).toContain(`Authorization: Bearer ${key}`)
  expect(command).toContain(`${url}/v1/apps/wx5e1d0c7a3b9f2468/access-token`)

  // Exactly what a developer pastes into a terminal.
  const { stdout } = await run('sh', ['-c', command], { timeout: 10_000 })
  const answer = JSON.parse(stdout) as Record<string, unknown>
  const held = desk.services.tokens.current('sandbox')
  expect(held).not.toBeNull()
  expect(answer).toMatchObject({ access_token: held!.value, mode: 'stable' })
  expect(answer['expires_in']).toEqual(expect.any(Number))
  expect(desk.services.sandbox!.emulator.tokenState(String(answer['access_token']))).toBe('valid')

  // The request shows up live: route, status, the caller's port, the time.
  const row = api.requests.getByRole('row').filter({ hasText: '/v1/apps/wx5e1d0c7a3b9f2468/access-token' })
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('cell').nth(0)).toHaveText(/^\d{2}:\d{2}:\d{2}$/)
  await expect(row.getByRole('cell').nth(1)).toHaveText('GET /v1/apps/wx5e1d0c7a3b9f2468/access-token')
  await expect(row.getByRole('cell').nth(2)).toHaveText('200')
  await expect(row.getByRole('cell').nth(3)).toHaveText('—') // no WeChat errcode in the desk's own answer
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d{2,5}$/)
  await expect(api.region.getByText('1 request this session')).toBeVisible()

  // The token went to the shell, not to the page.
  for (const reply of desk.replies) expect(reply).not.toContain(held!.value)
})

test('the API key stays out of the page until Reveal, and Rotate asks first', async ({ desk }) => {
  const api = new LocalApiPanel(desk.page)
  await api.open()
  await api.enable(0)
  const key = desk.services.localApi.revealKey()

  await expect(api.key).toHaveValue(`••••••••${key.slice(-4)}`)
  expect(await desk.page.content()).not.toContain(key)
  expect(desk.replies.some((reply) => reply.includes(key))).toBe(false)

  await api.region.getByRole('button', { name: 'Copy key' }).click()
  await expect(api.region.getByRole('status')).toHaveText('Key copied.')
  expect(desk.clipboard.text).toBe(key)
  expect(desk.replies.some((reply) => reply.includes(key))).toBe(false)

  await api.region.getByRole('button', { name: 'Reveal key' }).click()
  await expect(api.key).toHaveValue(key)
  await api.region.getByRole('button', { name: 'Hide key' }).click()
  await expect(api.key).not.toHaveValue(key)

  await api.region.getByRole('button', { name: 'Rotate key…' }).click()
  const confirm = desk.page.getByRole('alertdialog', { name: 'Rotate the API key?' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  expect(desk.services.localApi.revealKey()).toBe(key)

  await api.region.getByRole('button', { name: 'Rotate key…' }).click()
  await confirm.getByRole('button', { name: 'Rotate key' }).click()
  await expect(api.region.getByRole('status')).toHaveText('New key generated: give it to every caller.')
  const rotated = desk.services.localApi.revealKey()
  expect(rotated).not.toBe(key)
  await expect(api.key).toHaveValue(`••••••••${rotated.slice(-4)}`)
})
