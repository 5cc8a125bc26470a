import { SANDBOX_APPID, SANDBOX_SECRET } from '../../src/emulator'
import { expect, test } from './fixtures'

// The call log as traffic inspector: an SDK's calls through the desk's WeChat host, seen and opened in the window.

test('a call relayed for an SDK shows on one line, opens on its masked bodies, and copies as curl', async ({
  desk
}) => {
  const status = await desk.services.localApi.update({ enabled: true, port: 0 })
  const base = status.url ?? ''
  // What an SDK with its host pointed at the desk does: the token in WeChat's shape, then an API call.
  const tokenAnswer = await fetch(
    `${base}/cgi-bin/token?grant_type=client_credential&appid=${SANDBOX_APPID}&secret=${SANDBOX_SECRET}`
  )
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string }
  const relayed = await fetch(`${base}/cgi-bin/getcallbackip?access_token=${token}`)
  expect(relayed.status).toBe(200)
  // And a call for no app the desk manages: refused, and shown under "All apps".
  await fetch(`${base}/cgi-bin/user/get`)

  const log = desk.page.getByRole('table', { name: 'Call log' })
  const row = log.getByRole('row').filter({ hasText: '/cgi-bin/getcallbackip' }).first()
  await expect(row).toContainText('200')
  await row.getByRole('button', { name: /^Details of this call/ }).click()
  const details = desk.page.getByRole('region', { name: 'Details of this call' })
  await expect(details).toContainText('access_token=***')
  await expect(details).toContainText('ip_list')
  await expect(desk.page.locator('body')).not.toContainText(token)

  await desk.page.screenshot({ path: test.info().outputPath('call-detail.png'), fullPage: true })
  await details.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(details.getByRole('status')).toBeVisible()
  expect(desk.clipboard.text).toContain('"$ACCESS_TOKEN"')
  expect(desk.clipboard.text).not.toContain(token)

  await desk.page.getByRole('group', { name: 'Filter the calls' }).getByLabel('Show').selectOption('all')
  await expect(log.getByRole('row').filter({ hasText: '41001' })).toBeVisible()
  await desk.page.screenshot({ path: test.info().outputPath('call-log.png'), fullPage: true })
})
